/**
 * The emulator as the bench measures it: its own process (`npm run emulator`'s entry point), its own
 * temp data dir, no demo functions. The bench process plays the client, as the console or the SDK would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface EmulatorProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "..", "..");

/** Starts `emulator/main.ts` under Node with tsx; extra Node flags (e.g. --cpu-prof) from BENCH_EMULATOR_FLAGS. */
export async function startEmulatorProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "lambda-bench-"));
  const flags = (process.env.BENCH_EMULATOR_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, "--import", "tsx", join(ROOT, "emulator", "main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      LAMBDA_EMULATOR_PORT: "0",
      LAMBDA_EMULATOR_DATA: dataDir,
      LAMBDA_EMULATOR_DEMO: "0",
      NODE_NO_WARNINGS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", process.env.BENCH_STDERR ? "inherit" : "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 30 s:\n${stderr}`)), 30_000);
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}) before listening:\n${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** SIGTERM (the emulator shuts its environments down), SIGKILL after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}
