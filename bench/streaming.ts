/**
 * Streaming first-chunk latency: InvokeWithResponseStream of a warm streaming handler that writes its
 * first chunk at once, timed at the SDK client from send to the first PayloadChunk.
 */
import { InvokeWithResponseStreamCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { msSince, summarize, type LatencySummary } from "./lib/stats";

export const STREAMING_HANDLER = `exports.handler = awslambda.streamifyResponse(async (event, stream) => {
  stream.write("first chunk");
  await new Promise((r) => setTimeout(r, 20));
  stream.write("second chunk");
  stream.end();
});`;

export type StreamingResult = { available: true; firstChunk: LatencySummary } | { available: false; reason: string };

export async function measureStreaming(
  client: LambdaClient,
  functionName: string,
  opts: { warmup: number; rounds: number },
): Promise<StreamingResult> {
  const once = async (): Promise<number> => {
    const t = process.hrtime.bigint();
    const out = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: functionName }));
    let first: number | undefined;
    for await (const event of out.EventStream ?? []) {
      if (event.PayloadChunk && first === undefined) first = msSince(t);
      if (event.InvokeComplete?.ErrorCode) throw new Error(`stream failed: ${event.InvokeComplete.ErrorCode}`);
    }
    if (first === undefined) throw new Error("no PayloadChunk");
    return first;
  };
  try {
    await once();
  } catch (e) {
    // The API is another engineer's work in progress: report, don't fail the bench.
    return { available: false, reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  for (let i = 0; i < opts.warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < opts.rounds; i++) samples.push(await once());
  return { available: true, firstChunk: summarize(samples) };
}
