/**
 * aws-lambda-ric (the official Node.js runtime interface client) for the compatibility test, installed
 * with npm into a cache directory outside the project — never a project dependency. Its install builds
 * native code (curl + aws-lambda-cpp with cmake/make/g++, then node-gyp): ~40 s the first time, then the
 * cached tree is reused. The version is pinned exactly: on Node 20, `npm install aws-lambda-ric` would
 * quietly pick 3.3.0 because 4.x declares engines node >=22 (shared/notes/durable-contract.md §0).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const RIC_VERSION = "4.0.2";

export type RicInstall = { ok: true; entry: string; installedNow: boolean } | { ok: false; reason: string };

/** Where the installed tree is kept (LAMBDA_CONSOLE_RIC_CACHE overrides the directory). */
export function ricCacheDir(): string {
  const root = process.env.LAMBDA_CONSOLE_RIC_CACHE ?? join(homedir(), ".cache", "lambda-console");
  return join(root, `aws-lambda-ric-${RIC_VERSION}`);
}

function run(file: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

async function hasTool(tool: string): Promise<boolean> {
  return (await run(tool, ["--version"], process.cwd(), 10_000)).code === 0;
}

/** The installed `index.mjs`, installing it first if needed; `ok: false` says why it is unavailable. */
export async function ensureRic(): Promise<RicInstall> {
  const dir = ricCacheDir();
  const entry = join(dir, "node_modules", "aws-lambda-ric", "index.mjs");
  const addon = join(dir, "node_modules", "aws-lambda-ric", "rapid-client.node");
  if (existsSync(entry) && existsSync(addon)) return { ok: true, entry, installedNow: false };

  for (const tool of ["cmake", "make", "g++"]) {
    if (!(await hasTool(tool)))
      return { ok: false, reason: `${tool} is not installed (aws-lambda-ric builds native code)` };
  }
  // Install into a fresh directory and move it into place whole, so an interrupted or concurrent
  // install never leaves a half-built cache behind.
  mkdirSync(join(dir, ".."), { recursive: true });
  const staging = mkdtempSync(`${dir}.staging-`);
  try {
    writeFileSync(join(staging, "package.json"), JSON.stringify({ name: "ric-compat", private: true }));
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = await run(
      npm,
      ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `aws-lambda-ric@${RIC_VERSION}`],
      staging,
      300_000,
    );
    const built = join(staging, "node_modules", "aws-lambda-ric", "rapid-client.node");
    if (result.code !== 0 || !existsSync(built)) {
      const tail = result.output.trim().split("\n").slice(-8).join("\n");
      return { ok: false, reason: `npm install aws-lambda-ric@${RIC_VERSION} failed (exit ${result.code}):\n${tail}` };
    }
    if (!existsSync(entry)) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    }
    return { ok: true, entry, installedNow: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
