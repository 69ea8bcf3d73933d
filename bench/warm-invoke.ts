/**
 * Warm Invoke measured side by side with the floor: sequential latency (p50/p99) and throughput from
 * concurrent clients, in alternating blocks, so drift in the machine's load hits every contender alike.
 */
import { summarize, timeConcurrent, timeSequential, type LatencySummary } from "./lib/stats";

export const TRIVIAL_HANDLER = "exports.handler = async (event) => ({ ok: true, n: event.n ?? 0 });";

export interface Contender {
  name: string;
  op: () => Promise<unknown>;
}

export interface LoopResult {
  sequential: LatencySummary;
  concurrent: { clients: number; perSecond: number; latency: LatencySummary };
}

/** Sequential latency of each contender: `blocks` alternating blocks of `perBlock` calls, after a warm-up. */
export async function sequentialSideBySide(
  contenders: Contender[],
  opts: { warmup: number; blocks: number; perBlock: number },
): Promise<Record<string, LatencySummary>> {
  const samples: Record<string, number[]> = {};
  for (const c of contenders) {
    await timeSequential(opts.warmup, c.op);
    samples[c.name] = [];
  }
  for (let b = 0; b < opts.blocks; b++) {
    for (const c of contenders) samples[c.name]?.push(...(await timeSequential(opts.perBlock, c.op)));
  }
  return Object.fromEntries(contenders.map((c) => [c.name, summarize(samples[c.name] ?? [])]));
}

/** Throughput of each contender from `clients` concurrent loops, in alternating windows of `windowMs`. */
export async function concurrentSideBySide(
  contenders: Contender[],
  opts: { clients: number; windows: number; windowMs: number },
): Promise<Record<string, { clients: number; perSecond: number; latency: LatencySummary }>> {
  const totals: Record<string, { calls: number; ms: number; latencies: number[] }> = {};
  for (const c of contenders) {
    // Warm one environment (runtime) per client first, so the timed windows measure warm invokes only.
    await timeConcurrent(opts.clients, 500, c.op);
    totals[c.name] = { calls: 0, ms: 0, latencies: [] };
  }
  for (let w = 0; w < opts.windows; w++) {
    for (const c of contenders) {
      const t = Date.now();
      const run = await timeConcurrent(opts.clients, opts.windowMs, c.op);
      const total = totals[c.name];
      if (!total) continue;
      total.ms += Date.now() - t;
      total.calls += run.latencies.length;
      total.latencies.push(...run.latencies);
    }
  }
  return Object.fromEntries(
    contenders.map((c) => {
      const t = totals[c.name] ?? { calls: 0, ms: 1, latencies: [] };
      return [
        c.name,
        { clients: opts.clients, perSecond: Math.round((t.calls * 1000) / t.ms), latency: summarize(t.latencies) },
      ];
    }),
  );
}
