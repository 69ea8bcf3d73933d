/**
 * Console route overhead: the production console (`next start`, built first if there is no build)
 * pointed at the emulator, p50 of its GET /api/functions/<name> (which makes the SDK GetFunction call
 * server-side) minus the p50 of the same GetFunction called directly with the SDK.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { GetFunctionCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { httpClient } from "./lib/http-client";
import { summarize, timeSequential, type LatencySummary } from "./lib/stats";

const ROOT = resolve(import.meta.dirname, "..");

export type ConsoleRouteResult =
  | { available: true; built: boolean; console: LatencySummary; direct: LatencySummary; overheadP50: number }
  | { available: false; reason: string };

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

export async function measureConsoleRoute(
  client: LambdaClient,
  emulatorUrl: string,
  functionName: string,
  opts: { warmup: number; rounds: number },
): Promise<ConsoleRouteResult> {
  const next = join(ROOT, "node_modules", ".bin", "next");
  let built = false;
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    const build = spawnSync(next, ["build"], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return { available: false, reason: "next build failed (run `npm run build` to see why)" };
    built = true;
  }
  const port = await freePort();
  // Its own console store: a connection chosen in the user's console (.data) must not redirect the bench.
  const consoleData = mkdtempSync(join(tmpdir(), "lambda-console-bench-"));
  const server = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // Its own process group, so stopping it takes its workers too.
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      LAMBDA_ENDPOINT: emulatorUrl,
      LAMBDA_CONSOLE_DATA: consoleData,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  const http = httpClient(1);
  const url = `http://127.0.0.1:${port}/api/functions/${encodeURIComponent(functionName)}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const r = await http.request(url).catch(() => undefined);
      if (r?.status === 200) break;
      if (r && r.status !== 200 && r.status < 500 && r.status !== 404) {
        return { available: false, reason: `console answered ${r.status}: ${r.body.toString().slice(0, 200)}` };
      }
      if (Date.now() > deadline || server.exitCode !== null) {
        return { available: false, reason: "the console did not answer within 60 s" };
      }
      await new Promise((r2) => setTimeout(r2, 200));
    }
    const viaConsole = async () => {
      const r = await http.request(url);
      if (r.status !== 200) throw new Error(`console answered ${r.status}`);
    };
    const direct = () => client.send(new GetFunctionCommand({ FunctionName: functionName }));
    await timeSequential(opts.warmup, viaConsole);
    await timeSequential(opts.warmup, direct);
    // Interleaved rounds, so drift in machine load hits both sides alike.
    const consoleSamples: number[] = [];
    const directSamples: number[] = [];
    for (let i = 0; i < opts.rounds; i += 50) {
      consoleSamples.push(...(await timeSequential(50, viaConsole)));
      directSamples.push(...(await timeSequential(50, direct)));
    }
    const c = summarize(consoleSamples);
    const d = summarize(directSamples);
    return { available: true, built, console: c, direct: d, overheadP50: Math.round((c.p50 - d.p50) * 1000) / 1000 };
  } finally {
    http.close();
    if (server.pid !== undefined && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    rmSync(consoleData, { recursive: true, force: true });
  }
}
