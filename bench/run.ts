/**
 * `npm run bench`: the invocation engine measured side by side with its floors, in one run on this
 * machine — warm Invoke latency and throughput against a bare Runtime-API loop, cold start against
 * spawning Node, the console's route overhead against a direct SDK call, and streaming first-chunk
 * latency. Prints a table (target / measured / verdict) and the JSON, which also goes to
 * bench/results/latest.json. Benchmarks live here, never as timed assertions in tests (DESIGN.md §5).
 *
 * BENCH_QUICK=1 shortens every phase (for a smoke run).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release } from "node:os";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { measureColdStart, measureNodeSpawn } from "./cold-start";
import { measureConsoleRoute } from "./console-route";
import { measureFloor } from "./floor";
import { cpuMs } from "./lib/cpu";
import { startEmulatorProcess } from "./lib/emulator-process";
import { benchClient, deployNode } from "./lib/functions";
import { ms, table, verdict, type Check } from "./lib/report";
import { signedInvoker } from "./lib/signed-http";
import { summarize, timeConcurrent, timeSequential } from "./lib/stats";
import { measureStreaming, STREAMING_HANDLER } from "./streaming";
import { measureWarmInvoke, TRIVIAL_HANDLER } from "./warm-invoke";

const quick = process.env.BENCH_QUICK === "1";
const LOOP = {
  sequential: quick ? 300 : 2000,
  warmup: quick ? 50 : 300,
  clients: 8,
  durationMs: quick ? 1500 : 4000,
};
const TARGETS = { warmP50Ratio: 3, invokesPerSecond: 3000, coldRatio: 1.5, consoleOverheadMs: 2 };

const started = Date.now();
const say = (msg: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

const environment = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? "unknown",
  node: process.version,
  platform: `${platform()} ${release()}`,
  loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
};

say("floor: bare Runtime-API loop");
const floor = await measureFloor(LOOP);

say("emulator: starting");
const emulator = await startEmulatorProcess();
const client = benchClient(emulator.url);
try {
  await deployNode(client, "trivial", TRIVIAL_HANDLER);
  await deployNode(client, "cold", TRIVIAL_HANDLER);
  await deployNode(client, "streaming", STREAMING_HANDLER);

  say("warm invoke: SDK, sequential and 8 clients");
  const warm = await measureWarmInvoke(client, "trivial", LOOP);

  // Where the CPU of one warm SDK invoke goes (Linux /proc): emulator, function process, SDK client.
  const cpuBefore = cpuMs(emulator.pid);
  const clientBefore = process.cpuUsage();
  const payload = Buffer.from('{"n":1}');
  const cpuRounds = quick ? 300 : 1000;
  await timeSequential(cpuRounds, () => client.send(new InvokeCommand({ FunctionName: "trivial", Payload: payload })));
  const cpuAfter = cpuMs(emulator.pid);
  const clientCpu = process.cpuUsage(clientBefore);
  const cpuPerInvokeUs = {
    emulator: Math.round(((cpuAfter.self - cpuBefore.self) * 1000) / cpuRounds),
    function: Math.round(((cpuAfter.children - cpuBefore.children) * 1000) / cpuRounds),
    sdkClient: Math.round((clientCpu.user + clientCpu.system) / cpuRounds),
  };

  say("warm invoke: 8 signed HTTP clients (SigV4 without the SDK's middleware)");
  const signed = signedInvoker(emulator.url, "trivial", LOOP.clients);
  const signedOp = () => signed.invoke(payload);
  await timeConcurrent(LOOP.clients, 500, signedOp);
  const signedRun = await timeConcurrent(LOOP.clients, LOOP.durationMs, signedOp);
  signed.close();
  const signedThroughput = { perSecond: signedRun.perSecond, latency: summarize(signedRun.latencies) };

  say("streaming: first chunk");
  const streaming = await measureStreaming(client, "streaming", { warmup: 5, rounds: quick ? 10 : 40 });

  say("cold start and node spawn");
  const coldRounds = quick ? 3 : 8;
  const cold = await measureColdStart(client, "cold", coldRounds);
  const spawnFloor = await measureNodeSpawn(quick ? 3 : 10);

  say("console route (next start)");
  const consoleRoute = await measureConsoleRoute(client, emulator.url, "trivial", {
    warmup: quick ? 20 : 50,
    rounds: quick ? 100 : 300,
  });

  const checks: Check[] = [];
  const warmRatio = warm.sequential.p50 / floor.sequential.p50;
  checks.push({
    name: "warm invoke p50 (SDK, sequential)",
    target: `≤ ${TARGETS.warmP50Ratio}× floor p50 (${ms(floor.sequential.p50)})`,
    measured: `${ms(warm.sequential.p50)} (${warmRatio.toFixed(2)}×)`,
    verdict: verdict(warmRatio <= TARGETS.warmP50Ratio),
  });
  checks.push({
    name: "warm invoke p99 (SDK, sequential)",
    target: `floor p99 ${ms(floor.sequential.p99)}`,
    measured: ms(warm.sequential.p99),
    verdict: "INFO",
  });
  checks.push({
    name: "invokes/s, 8 signed HTTP clients",
    target: `≥ ${TARGETS.invokesPerSecond}/s (floor: ${floor.concurrent.perSecond}/s)`,
    measured: `${signedThroughput.perSecond}/s`,
    verdict: verdict(signedThroughput.perSecond >= TARGETS.invokesPerSecond),
  });
  checks.push({
    name: "invokes/s, 8 SDK clients",
    target: `≥ ${TARGETS.invokesPerSecond}/s (floor: ${floor.concurrent.perSecond}/s)`,
    measured: `${warm.concurrent.perSecond}/s (SDK client ${cpuPerInvokeUs.sdkClient} µs CPU/invoke)`,
    verdict: verdict(warm.concurrent.perSecond >= TARGETS.invokesPerSecond),
  });
  checks.push({
    name: "CPU per warm invoke",
    target: "—",
    measured: `emulator ${cpuPerInvokeUs.emulator} µs, function ${cpuPerInvokeUs.function} µs, SDK client ${cpuPerInvokeUs.sdkClient} µs`,
    verdict: "INFO",
  });
  const coldRatio = cold.p50 / spawnFloor.p50;
  checks.push({
    name: "cold start p50 (new version → answer)",
    target: `≤ ${TARGETS.coldRatio}× node spawn p50 (${ms(spawnFloor.p50)})`,
    measured: `${ms(cold.p50)} (${coldRatio.toFixed(2)}×)`,
    verdict: verdict(coldRatio <= TARGETS.coldRatio),
  });
  checks.push(
    consoleRoute.available
      ? {
          name: "console route overhead p50",
          target: `≤ ${TARGETS.consoleOverheadMs} ms over SDK GetFunction (${ms(consoleRoute.direct.p50)})`,
          measured: `${ms(consoleRoute.overheadP50)} (route ${ms(consoleRoute.console.p50)})`,
          verdict: verdict(consoleRoute.overheadP50 <= TARGETS.consoleOverheadMs),
        }
      : {
          name: "console route overhead p50",
          target: `≤ ${TARGETS.consoleOverheadMs} ms`,
          measured: `not available: ${consoleRoute.reason}`,
          verdict: "N/A",
        },
  );
  checks.push(
    streaming.available
      ? {
          name: "streaming first chunk p50",
          target: `— (warm buffered invoke p50 ${ms(warm.sequential.p50)})`,
          measured: `${ms(streaming.firstChunk.p50)} (p99 ${ms(streaming.firstChunk.p99)})`,
          verdict: "INFO",
        }
      : {
          name: "streaming first chunk p50",
          target: "—",
          measured: `not available: ${streaming.reason}`,
          verdict: "N/A",
        },
  );

  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    environment: { ...environment, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    settings: { ...LOOP, quick },
    floor,
    warmInvoke: warm,
    signedThroughput,
    cpuPerInvokeUs,
    coldStart: cold,
    nodeSpawn: spawnFloor,
    consoleRoute,
    streaming,
    checks,
  };
  const dir = join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log("");
  console.log(
    `Environment: ${environment.cores} cores (${environment.cpu}), Node ${environment.node}, ${environment.platform}, load average ${environment.loadAverageAtStart.join(" ")} at start`,
  );
  console.log(table(checks));
  console.log(`\n(${results.durationSeconds} s; JSON in bench/results/latest.json)`);
} finally {
  client.destroy();
  await emulator.stop();
}
