/**
 * The bare Runtime-API loop floor: a trivial HTTP server, runtime processes long-polling it over /next,
 * and a trivial keep-alive client — the same hops as a warm Invoke (client → server → runtime /next →
 * /response → server → client) with none of the emulator's work. Same machine, same run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { stopChild } from "./lib/emulator-process";
import { httpClient } from "./lib/http-client";

const DIR = join(import.meta.dirname, "floor");
const PAYLOAD = Buffer.from('{"n":1}');

export interface Floor {
  invoke(): Promise<unknown>;
  /** One runtime process per concurrent client, as the emulator gets one environment per client. */
  scaleTo(runtimes: number): void;
  close(): Promise<void>;
}

function node(script: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, [join(DIR, script), ...args], { stdio: ["ignore", "pipe", "inherit"] });
}

function portOf(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", () => reject(new Error("floor server exited")));
  });
}

/** A server in its own process that answers every request at once with a canned Invoke response. */
export async function startCannedServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = node("canned.mjs");
  const port = await portOf(server);
  return { url: `http://127.0.0.1:${port}`, close: () => stopChild(server) };
}

export async function startFloor(maxSockets: number): Promise<Floor> {
  const server = node("server.mjs");
  const port = await portOf(server);
  const runtimes: ChildProcess[] = [node("runtime.mjs", [String(port)])];
  const client = httpClient(maxSockets);
  const url = `http://127.0.0.1:${port}/invoke`;
  return {
    invoke: () => client.request(url, { method: "POST", body: PAYLOAD }),
    scaleTo(n) {
      while (runtimes.length < n) runtimes.push(node("runtime.mjs", [String(port)]));
    },
    async close() {
      client.close();
      await Promise.all([...runtimes, server].map((c) => stopChild(c)));
    },
  };
}
