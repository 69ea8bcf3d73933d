/**
 * Node.js builds for the nodejs<major>.x runtimes. The host's own node serves its major; other majors
 * come from the npm registry's `node-linux-<arch>` package (a plain tarball with bin/node, no install
 * scripts — shared/notes/toolchain.md §6), fetched with `npm pack` once and cached per version under
 * ~/.cache/lambda-console/node-runtimes (or LAMBDA_CONSOLE_NODE_RUNTIMES).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

export class RuntimeUnavailableError extends Error {}

export function nodeRuntimesDir(): string {
  return process.env.LAMBDA_CONSOLE_NODE_RUNTIMES ?? join(homedir(), ".cache", "lambda-console", "node-runtimes");
}

export const hostNodeMajor = () => Number(process.versions.node.split(".")[0]);

const installing = new Map<number, Promise<NodeBuild>>();

export interface NodeBuild {
  /** Absolute path of the node executable. */
  binary: string;
  version: string;
  /** Downloaded now (the caller tells the user). */
  installed: boolean;
}

const compareVersions = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/** The newest cached build of a major, if any. */
async function cachedBuild(major: number): Promise<NodeBuild | undefined> {
  const dir = nodeRuntimesDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const versions = names
    .map((n) => /^node-(\d+\.\d+\.\d+)$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined && Number(v.split(".")[0]) === major)
    .sort(compareVersions)
    .reverse();
  for (const version of versions) {
    const binary = join(dir, `node-${version}`, "bin", "node");
    if (
      await stat(binary).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return { binary, version, installed: false };
  }
  return undefined;
}

/**
 * A node binary of the given major: the host's, a cached one, or one fetched now. Throws
 * RuntimeUnavailableError with a human explanation when it cannot be obtained.
 */
export async function nodeBuild(major: number): Promise<NodeBuild> {
  if (major === hostNodeMajor()) return { binary: process.execPath, version: process.versions.node, installed: false };
  const cached = await cachedBuild(major);
  if (cached) return cached;
  let pending = installing.get(major);
  if (!pending) {
    pending = install(major).finally(() => installing.delete(major));
    installing.set(major, pending);
  }
  return pending;
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

async function install(major: number): Promise<NodeBuild> {
  const arch = process.arch === "arm64" ? "arm64" : process.arch === "x64" ? "x64" : undefined;
  if (process.platform !== "linux" || !arch) {
    throw new RuntimeUnavailableError(
      `nodejs${major}.x needs a Node.js ${major} build; automatic download supports Linux x64/arm64 only (this is ${process.platform}/${process.arch}).`,
    );
  }
  const pkg = `node-linux-${arch}@${major}`;
  console.error(
    `[emulator] nodejs${major}.x: fetching Node.js ${major} (${pkg}) from the npm registry, first use only…`,
  );
  const tmp = await mkdtemp(join(tmpdir(), "lambda-node-runtime-"));
  try {
    const out = await run("npm", ["pack", pkg, "--json", "--pack-destination", tmp], tmp);
    const packed = (JSON.parse(out) as { filename: string; version: string }[])[0];
    if (!packed) throw new Error(`npm pack ${pkg} returned nothing`);
    const extracted = join(tmp, "x");
    await mkdir(extracted);
    await run("tar", ["-xzf", join(tmp, packed.filename), "-C", extracted, "--strip-components=1"], tmp);
    const dir = join(nodeRuntimesDir(), `node-${packed.version}`);
    await mkdir(nodeRuntimesDir(), { recursive: true });
    try {
      await rename(extracted, dir);
    } catch {
      // Another process installed the same version meanwhile; its tree is identical.
    }
    const binary = join(dir, "bin", "node");
    const version = (await run(binary, ["--version"], tmp)).trim().replace(/^v/, "");
    console.error(`[emulator] nodejs${major}.x: Node.js ${version} installed in ${dir}`);
    return { binary, version, installed: true };
  } catch (e) {
    throw new RuntimeUnavailableError(
      `nodejs${major}.x needs Node.js ${major}, which is not installed and could not be fetched from the npm registry (${e instanceof Error ? e.message : String(e)}). Run \`npm run runtimes:install -- ${major}\` once online, or use nodejs${hostNodeMajor()}.x.`,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
