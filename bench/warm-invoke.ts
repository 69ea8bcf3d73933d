/**
 * Warm Invoke through the emulator exactly as a user's code does it: a signed @aws-sdk/client-lambda
 * InvokeCommand of a trivial Node handler, sequentially (p50/p99) and from concurrent clients (invokes/s).
 */
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { LoopResult } from "./floor";
import { summarize, timeConcurrent, timeSequential } from "./lib/stats";

export const TRIVIAL_HANDLER = "exports.handler = async (event) => ({ ok: true, n: event.n ?? 0 });";
const PAYLOAD = Buffer.from('{"n":1}');

export async function measureWarmInvoke(
  client: LambdaClient,
  functionName: string,
  opts: { sequential: number; warmup: number; clients: number; durationMs: number },
): Promise<LoopResult> {
  const invoke = async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: PAYLOAD }));
    if (out.FunctionError) throw new Error(`invoke failed: ${Buffer.from(out.Payload ?? []).toString()}`);
  };
  await timeSequential(opts.warmup, invoke);
  const sequential = summarize(await timeSequential(opts.sequential, invoke));
  // Warm one environment per client first, so the timed run measures warm invokes only.
  await timeConcurrent(opts.clients, 1_000, invoke);
  const run = await timeConcurrent(opts.clients, opts.durationMs, invoke);
  return {
    sequential,
    concurrent: { clients: opts.clients, perSecond: run.perSecond, latency: summarize(run.latencies) },
  };
}
