/**
 * The directory above every extracted code tree (`<dataDir>/code-extracted/`) stands in for what
 * surrounds /var/task in Lambda:
 * - a package.json, which ends Node's package-scope lookup there, so a `"type": "module"` in a project
 *   that happens to hold the data dir cannot change how a function's .js files load;
 * - node_modules/@aws-sdk, linked to the emulator's own copy: the nodejs runtimes bundle AWS SDK v3, and
 *   an ancestor node_modules is found by both require() and import() (NODE_PATH serves require only);
 * - node_modules/@aws/durable-execution-sdk-js, likewise: Lambda's Node runtimes include the durable
 *   execution SDK. A function's own node_modules is nearer, so a bundled copy always wins.
 */
import { createRequire } from "node:module";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export async function prepareCodeRoot(dataDir: string): Promise<void> {
  const root = join(dataDir, "code-extracted");
  await mkdir(join(root, "node_modules", "@aws"), { recursive: true });
  await writeFile(join(root, "package.json"), '{ "private": true }\n', { flag: "wx" }).catch(() => undefined);
  const sdk = packageDir("@aws-sdk/client-lambda");
  if (sdk) await symlink(dirname(sdk), join(root, "node_modules", "@aws-sdk"), "dir").catch(() => undefined);
  // Only this one package of the @aws scope: the emulator's other @aws packages are not the runtime's.
  const durable = packageDir("@aws/durable-execution-sdk-js");
  if (durable) {
    await symlink(durable, join(root, "node_modules", "@aws", "durable-execution-sdk-js"), "dir").catch(
      () => undefined,
    );
  }
}

/**
 * The emulator's copy of a package (its directory), if resolvable. From its entry point upwards, because
 * a package with an `exports` map need not export its package.json.
 */
function packageDir(name: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return undefined;
  }
  const suffix = join("node_modules", name);
  while (!dir.endsWith(suffix)) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return dir;
}
