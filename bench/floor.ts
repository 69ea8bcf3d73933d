/**
 * The bare Runtime-API loop floor: a trivial HTTP server, runtime processes long-polling it over /next,
 * and a trivial keep-alive client — the same hops as a warm Invoke (client → server → runtime /next →
 * /response → server → client) with none of the emulator's work. Same machine, same run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { stopChild } from "./lib/emulator-process";
import { httpClient } from "./lib/http-client";
import { summarize, timeConcurrent, timeSequential, type LatencySummary } from "./lib/stats";

export interface LoopResult {
  sequential: LatencySummary;
  concurrent: { clients: number; perSecond: number; latency: LatencySummary };
}

const DIR = join(import.meta.dirname, "floor");
const PAYLOAD = Buffer.from('{"n":1}');

function node(script: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, [join(DIR, script), ...args], { stdio: ["ignore", "pipe", "inherit"] });
}

async function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", () => reject(new Error("floor server exited")));
  });
}

export async function measureFloor(opts: {
  sequential: number;
  warmup: number;
  clients: number;
  durationMs: number;
}): Promise<LoopResult> {
  const server = node("server.mjs");
  const runtimes: ChildProcess[] = [];
  const client = httpClient(opts.clients);
  try {
    const port = await portOf(server);
    const url = `http://127.0.0.1:${port}/invoke`;
    const invoke = () => client.request(url, { method: "POST", body: PAYLOAD });
    runtimes.push(node("runtime.mjs", [String(port)]));
    await timeSequential(opts.warmup, invoke);
    const sequential = summarize(await timeSequential(opts.sequential, invoke));
    // As many runtimes as the emulator gets environments under the same load (one per concurrent client).
    for (let i = 1; i < opts.clients; i++) runtimes.push(node("runtime.mjs", [String(port)]));
    await timeConcurrent(opts.clients, 500, invoke);
    const run = await timeConcurrent(opts.clients, opts.durationMs, invoke);
    return {
      sequential,
      concurrent: { clients: opts.clients, perSecond: run.perSecond, latency: summarize(run.latencies) },
    };
  } finally {
    client.close();
    await Promise.all([...runtimes, server].map((c) => stopChild(c)));
  }
}
