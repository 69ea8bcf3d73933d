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
import { measureColdStart } from "./cold-start";
import { measureConsoleRoute } from "./console-route";
import { startCannedServer, startFloor } from "./floor";
import { cpuMs } from "./lib/cpu";
import { startEmulatorProcess } from "./lib/emulator-process";
import { benchClient, deployNode } from "./lib/functions";
import { ms, table, verdict, type Check } from "./lib/report";
import { signedInvoker } from "./lib/signed-http";
import { timeSequential, type LatencySummary } from "./lib/stats";
import { measureStreaming, STREAMING_HANDLER } from "./streaming";
import { concurrentSideBySide, sequentialSideBySide, TRIVIAL_HANDLER } from "./warm-invoke";

type ConcurrentSummary = { clients: number; perSecond: number; latency: LatencySummary };

const quick = process.env.BENCH_QUICK === "1";
const SEQUENTIAL = { warmup: quick ? 50 : 300, blocks: quick ? 3 : 10, perBlock: quick ? 100 : 200 };
const CONCURRENT = { clients: 8, windows: quick ? 2 : 4, windowMs: quick ? 500 : 1000 };
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

say("starting the floor (bare Runtime-API loop) and the emulator");
const floor = await startFloor(CONCURRENT.clients);
const canned = await startCannedServer();
const emulator = await startEmulatorProcess();
const client = benchClient(emulator.url);
const cannedClient = benchClient(canned.url);
try {
  await deployNode(client, "trivial", TRIVIAL_HANDLER);
  await deployNode(client, "cold", TRIVIAL_HANDLER);
  await deployNode(client, "streaming", STREAMING_HANDLER);
  const payload = Buffer.from('{"n":1}');
  const sdkInvoke = async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: "trivial", Payload: payload }));
    if (out.FunctionError) throw new Error(`invoke failed: ${Buffer.from(out.Payload ?? []).toString()}`);
  };
  const signed = signedInvoker(emulator.url, "trivial", CONCURRENT.clients);

  say("warm invoke: sequential, floor / SDK / signed HTTP / SDK alone, in alternating blocks");
  const sequential = await sequentialSideBySide(
    [
      { name: "floor", op: floor.invoke },
      { name: "sdk", op: sdkInvoke },
      { name: "signed", op: () => signed.invoke(payload) },
      // The SDK's own share: the same InvokeCommand against a server that answers at once.
      {
        name: "sdkAlone",
        op: () => cannedClient.send(new InvokeCommand({ FunctionName: "trivial", Payload: payload })),
      },
    ],
    SEQUENTIAL,
  );
  const floorSeq = sequential.floor as LatencySummary;
  const warmSeq = sequential.sdk as LatencySummary;
  const signedSeq = sequential.signed as LatencySummary;
  const sdkAloneSeq = sequential.sdkAlone as LatencySummary;

  // Where the CPU of one warm SDK invoke goes (Linux /proc): emulator, function process, SDK client.
  const cpuBefore = cpuMs(emulator.pid);
  const clientBefore = process.cpuUsage();
  const cpuRounds = quick ? 300 : 1000;
  await timeSequential(cpuRounds, sdkInvoke);
  const cpuAfter = cpuMs(emulator.pid);
  const clientCpu = process.cpuUsage(clientBefore);
  const cpuPerInvokeUs = {
    emulator: Math.round(((cpuAfter.self - cpuBefore.self) * 1000) / cpuRounds),
    function: Math.round(((cpuAfter.children - cpuBefore.children) * 1000) / cpuRounds),
    sdkClient: Math.round((clientCpu.user + clientCpu.system) / cpuRounds),
  };

  say(`warm invoke: ${CONCURRENT.clients} concurrent clients, floor / signed HTTP / SDK in alternating windows`);
  floor.scaleTo(CONCURRENT.clients);
  const concurrent = await concurrentSideBySide(
    [
      { name: "floor", op: floor.invoke },
      { name: "signed", op: () => signed.invoke(payload) },
      { name: "sdk", op: sdkInvoke },
    ],
    CONCURRENT,
  );
  signed.close();
  const floorConc = concurrent.floor as ConcurrentSummary;
  const signedConc = concurrent.signed as ConcurrentSummary;
  const sdkConc = concurrent.sdk as ConcurrentSummary;

  say("streaming: first chunk");
  const streaming = await measureStreaming(client, "streaming", { warmup: 5, rounds: quick ? 10 : 40 });

  say("cold start and node spawn");
  const { coldStart: cold, nodeSpawn: spawnFloor } = await measureColdStart(client, "cold", quick ? 3 : 10);

  say("console route (next start)");
  // A fresh `next start` compiles and JITs its route for the first ~1,000 requests (p50 2.0 ms over the
  // first 3,000, 1.7 ms over the next): the target is about the steady state, so warm it up as long.
  const consoleRoute = await measureConsoleRoute(client, emulator.url, "trivial", {
    warmup: quick ? 300 : 1500,
    rounds: quick ? 200 : 1000,
  });

  const checks: Check[] = [];
  const warmRatio = warmSeq.p50 / floorSeq.p50;
  checks.push({
    name: "warm invoke p50 (SDK, sequential)",
    target: `≤ ${TARGETS.warmP50Ratio}× floor p50 (${ms(floorSeq.p50)})`,
    measured: `${ms(warmSeq.p50)} (${warmRatio.toFixed(2)}×)`,
    verdict: verdict(warmRatio <= TARGETS.warmP50Ratio),
  });
  checks.push({
    name: "warm invoke p50 (signed HTTP, sequential)",
    target: `— (floor p50 ${ms(floorSeq.p50)})`,
    measured: `${ms(signedSeq.p50)} (${(signedSeq.p50 / floorSeq.p50).toFixed(2)}×)`,
    verdict: "INFO",
  });
  checks.push({
    name: "SDK client alone p50 (canned answer)",
    target: "— (the SDK's share of the SDK p50)",
    measured: ms(sdkAloneSeq.p50),
    verdict: "INFO",
  });
  checks.push({
    name: "warm invoke p99 (SDK, sequential)",
    target: `— (floor p99 ${ms(floorSeq.p99)})`,
    measured: ms(warmSeq.p99),
    verdict: "INFO",
  });
  checks.push({
    name: `invokes/s, ${CONCURRENT.clients} signed HTTP clients`,
    target: `≥ ${TARGETS.invokesPerSecond}/s (floor: ${floorConc.perSecond}/s)`,
    measured: `${signedConc.perSecond}/s`,
    verdict: verdict(signedConc.perSecond >= TARGETS.invokesPerSecond),
  });
  checks.push({
    name: `invokes/s, ${CONCURRENT.clients} SDK clients`,
    target: `≥ ${TARGETS.invokesPerSecond}/s (floor: ${floorConc.perSecond}/s)`,
    measured: `${sdkConc.perSecond}/s (SDK client ${cpuPerInvokeUs.sdkClient} µs CPU/invoke)`,
    verdict: verdict(sdkConc.perSecond >= TARGETS.invokesPerSecond),
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
          target: `— (warm buffered invoke p50 ${ms(warmSeq.p50)})`,
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
    settings: { sequential: SEQUENTIAL, concurrent: CONCURRENT, quick },
    sequential,
    concurrent,
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
  cannedClient.destroy();
  await Promise.all([emulator.stop(), floor.close(), canned.close()]);
}
