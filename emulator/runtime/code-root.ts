/**
 * The directory above every extracted code tree (`<dataDir>/code-extracted/`) stands in for what
 * surrounds /var/task in Lambda:
 * - a package.json, which ends Node's package-scope lookup there, so a `"type": "module"` in a project
 *   that happens to hold the data dir cannot change how a function's .js files load;
 * - node_modules/@aws-sdk, linked to the emulator's own copy: the nodejs runtimes bundle AWS SDK v3, and
 *   an ancestor node_modules is found by both require() and import() (NODE_PATH serves require only).
 */
import { createRequire } from "node:module";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export async function prepareCodeRoot(dataDir: string): Promise<void> {
  const root = join(dataDir, "code-extracted");
  await mkdir(join(root, "node_modules"), { recursive: true });
  await writeFile(join(root, "package.json"), '{ "private": true }\n', { flag: "wx" }).catch(() => undefined);
  const sdk = awsSdkDir();
  if (sdk) await symlink(sdk, join(root, "node_modules", "@aws-sdk"), "dir").catch(() => undefined);
}

/** The emulator's node_modules/@aws-sdk (it depends on @aws-sdk/client-lambda), if resolvable. */
function awsSdkDir(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve("@aws-sdk/client-lambda/package.json");
    return dirname(dirname(pkg));
  } catch {
    return undefined;
  }
}
