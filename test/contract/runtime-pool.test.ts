/**
 * Contract: the environment pool's limits — at most maxEnvironments processes (invocations beyond
 * queue; idle environments of other functions make room), idle environments expire, and environments
 * of deleted functions stop.
 */
import { DeleteFunctionCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/control-plane";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const SLOW = "exports.handler = async () => { await new Promise((r) => setTimeout(r, 300)); return process.pid; };";

describe("with maxEnvironments 2", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startEmulator({ maxEnvironments: 2, environmentIdleMs: 60_000 });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("queues invocations beyond the limit instead of starting more processes", async () => {
    await deploy(t.client, "slow", { "index.js": SLOW });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, t.emulator.ctx.runtime.stats().environments)), 5);
    const started = Date.now();
    const results = await Promise.all([1, 2, 3, 4].map(() => invoke(t.client, "slow", {})));
    clearInterval(sampler);
    expect(results.every((r) => r.functionError === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.json)).size).toBe(2);
    expect(peak).toBeLessThanOrEqual(2);
    // Four 300 ms invocations through two environments take two rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it("stops an idle environment of another function to make room", async () => {
    await deploy(t.client, "a", { "index.js": "exports.handler = async () => process.pid;" });
    await deploy(t.client, "b", { "index.js": "exports.handler = async () => process.pid;" });
    const pidA = (await invoke(t.client, "a", {})).json as number;
    const pidB = (await invoke(t.client, "b", {})).json as number;
    expect(t.emulator.ctx.runtime.stats().environments).toBe(2);
    await deploy(t.client, "c", { "index.js": "exports.handler = async () => 'c ran';" });
    expect((await invoke(t.client, "c", {})).json).toBe("c ran");
    expect(alive(pidA) && alive(pidB)).toBe(false);
  });

  it("stops the environments of a deleted function", async () => {
    await deploy(t.client, "doomed", { "index.js": "exports.handler = async () => process.pid;" });
    const pid = (await invoke(t.client, "doomed", {})).json as number;
    await t.client.send(new DeleteFunctionCommand({ FunctionName: "doomed" }));
    // Idle environments live 60 s here: only the deletion can stop it this soon.
    await eventually(
      async () => alive(pid),
      (a) => !a,
      2_000,
    );
  });
});

describe("with environmentIdleMs 300", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startEmulator({ environmentIdleMs: 300 });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("stops environments that stayed idle", async () => {
    await deploy(t.client, "idle", { "index.js": "exports.handler = async () => process.pid;" });
    const pid = (await invoke(t.client, "idle", {})).json as number;
    expect(alive(pid)).toBe(true);
    await eventually(
      async () => alive(pid),
      (a) => !a,
      5_000,
    );
    expect(t.emulator.ctx.runtime.stats().environments).toBe(0);
    // The next invoke is a cold start in a new process.
    const next = await invoke(t.client, "idle", {});
    expect(next.json).not.toBe(pid);
    expect(next.log).toContain("Init Duration");
  });
});
