/**
 * Cold start: the first invoke of a new function configuration (each round changes an environment
 * variable, so the previous environment retires and the next invoke starts a process), measured at the
 * SDK client from send to answer — against the bare floor of starting Node: spawn `node -e` that
 * reports to an HTTP server in this process as soon as it runs.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InvokeCommand, UpdateFunctionConfigurationCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { waitSettled } from "./lib/functions";
import { msSince, summarize, type LatencySummary } from "./lib/stats";

export async function measureColdStart(
  client: LambdaClient,
  functionName: string,
  rounds: number,
): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: functionName,
        Environment: { Variables: { ROUND: String(i) } },
      }),
    );
    await waitSettled(client, functionName);
    // Let the retired environment finish stopping: its teardown is the update's cost, not the invoke's.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const t = process.hrtime.bigint();
    const out = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from("{}") }));
    samples.push(msSince(t));
    if (out.FunctionError) throw new Error(`cold invoke failed: ${Buffer.from(out.Payload ?? []).toString()}`);
  }
  return summarize(samples);
}

/** Spawn → the child's first HTTP request arriving here. */
export async function measureNodeSpawn(rounds: number): Promise<LatencySummary> {
  let arrived: (() => void) | undefined;
  const server = createServer((req, res) => {
    req.resume();
    res.end("ok");
    arrived?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const script = `require("http").get("http://127.0.0.1:${port}/up", (r) => { r.resume(); r.on("end", () => process.exit(0)); });`;
  const samples: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const up = new Promise<void>((resolve) => (arrived = resolve));
      const t = process.hrtime.bigint();
      const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
      await up;
      samples.push(msSince(t));
      await new Promise((resolve) => child.once("exit", resolve));
    }
  } finally {
    server.close();
  }
  return summarize(samples);
}
