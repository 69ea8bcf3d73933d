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

export interface ColdStartResult {
  coldStart: LatencySummary;
  nodeSpawn: LatencySummary;
}

/** Cold starts and node spawns in alternating rounds, so load drifting on the machine hits both alike. */
export async function measureColdStart(
  client: LambdaClient,
  functionName: string,
  rounds: number,
): Promise<ColdStartResult> {
  const spawner = await nodeSpawner();
  const cold: number[] = [];
  const spawned: number[] = [];
  try {
    await spawner.once(); // warm the page cache for the node binary, as the function's first start did
    for (let i = 0; i < rounds; i++) {
      spawned.push(await spawner.once());
      cold.push(await coldInvoke(client, functionName, i));
    }
  } finally {
    spawner.close();
  }
  return { coldStart: summarize(cold), nodeSpawn: summarize(spawned) };
}

async function coldInvoke(client: LambdaClient, functionName: string, round: number): Promise<number> {
  await client.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: functionName,
      Environment: { Variables: { ROUND: String(round) } },
    }),
  );
  await waitSettled(client, functionName);
  // Let the retired environment finish stopping: its teardown is the update's cost, not the invoke's.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const t = process.hrtime.bigint();
  const out = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from("{}") }));
  const ms = msSince(t);
  if (out.FunctionError) throw new Error(`cold invoke failed: ${Buffer.from(out.Payload ?? []).toString()}`);
  return ms;
}

/** Spawn → the child's first HTTP request arriving here. */
async function nodeSpawner(): Promise<{ once(): Promise<number>; close(): void }> {
  let arrived: (() => void) | undefined;
  const server = createServer((req, res) => {
    req.resume();
    res.end("ok");
    arrived?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const script = `require("http").get("http://127.0.0.1:${port}/up", (r) => { r.resume(); r.on("end", () => process.exit(0)); });`;
  return {
    async once() {
      const up = new Promise<void>((resolve) => (arrived = resolve));
      const t = process.hrtime.bigint();
      const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
      await up;
      const ms = msSince(t);
      await new Promise((resolve) => child.once("exit", resolve));
      return ms;
    },
    close: () => server.close(),
  };
}
