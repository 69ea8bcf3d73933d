/**
 * Contract: provisioned concurrency backed by real execution environments — a config turns READY only
 * once its environments finished init (FAILED with the init error otherwise), invocations through the
 * provisioned alias run in those pre-initialised environments (no Init Duration, the provisioned
 * initialization type), they stay within maxEnvironments, are re-warmed after a restart, and go (with
 * their /tmp) when the config is deleted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateAliasCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  type GetProvisionedConcurrencyConfigCommandOutput,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
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

let t: TestEmulator;
let scratch: string;
const MAX_ENVIRONMENTS = 4;

beforeAll(async () => {
  t = await startEmulator({ maxEnvironments: MAX_ENVIRONMENTS, environmentIdleMs: 60_000 });
  scratch = mkdtempSync(join(tmpdir(), "pc-runtime-"));
});

afterAll(async () => {
  await t.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function config(client: LambdaClient, name: string, qualifier: string) {
  return client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier }));
}

async function settledConfig(
  client: LambdaClient,
  name: string,
  qualifier: string,
): Promise<GetProvisionedConcurrencyConfigCommandOutput> {
  return eventually(
    () => config(client, name, qualifier),
    (c) => c.Status !== "IN_PROGRESS",
    20_000,
  );
}

async function publish(client: LambdaClient, name: string): Promise<string> {
  const out = await client.send(new PublishVersionCommand({ FunctionName: name }));
  if (!out.Version) throw new Error("no version");
  return out.Version;
}

/** Lines `init <pid>` written by each environment when its (slow) init finished. */
const initsOf = (file: string): number[] => {
  try {
    return [...readFileSync(file, "utf8").matchAll(/^init (\d+)$/gm)].map((m) => Number(m[1]));
  } catch {
    return [];
  }
};

// Init takes a while (a synchronous wait at module load) and reports when it is done.
const slowInit = `const fs = require("fs");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
fs.appendFileSync(process.env.INITS, "init " + process.pid + "\\n");
exports.handler = async () => {
  fs.writeFileSync(require("path").join(process.env.TMPDIR, "scratch.txt"), "x");
  return { pid: process.pid, type: process.env.AWS_LAMBDA_INITIALIZATION_TYPE, tmp: process.env.TMPDIR, home: process.env.HOME };
};`;

describe("provisioned concurrency environments", () => {
  const inits = () => join(scratch, "inits");
  let pids: number[] = [];

  beforeAll(async () => {
    await deploy(t.client, "warm", { "index.js": slowInit }, { Environment: { Variables: { INITS: inits() } } });
    const version = await publish(t.client, "warm");
    await t.client.send(new CreateAliasCommand({ FunctionName: "warm", Name: "live", FunctionVersion: version }));
  });

  it("turns READY only after every environment finished init", async () => {
    const put = await t.client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "warm",
        Qualifier: "live",
        ProvisionedConcurrentExecutions: 2,
      }),
    );
    expect(put.Status).toBe("IN_PROGRESS");
    const ready = await settledConfig(t.client, "warm", "live");
    expect(ready).toMatchObject({ Status: "READY", AvailableProvisionedConcurrentExecutions: 2 });
    // Both inits had completed by the time the config said READY.
    pids = initsOf(inits());
    expect(new Set(pids).size).toBe(2);
    expect(pids.every(alive)).toBe(true);
    expect(t.emulator.ctx.runtime.stats()).toMatchObject({ environments: 2, provisioned: 2 });
  });

  it("serves invocations through the alias from the pre-initialised environments", async () => {
    for (let i = 0; i < 3; i++) {
      const out = await invoke(t.client, "warm", {}, { Qualifier: "live" });
      expect(out.functionError).toBeUndefined();
      const body = out.json as { pid: number; type: string };
      expect(pids).toContain(body.pid);
      expect(body.type).toBe("provisioned-concurrency");
      expect(out.log).toMatch(/REPORT RequestId/);
      expect(out.log).not.toMatch(/Init Duration|INIT_START/);
    }
    // No environment was started for them.
    expect(initsOf(inits())).toHaveLength(2);
    expect(t.emulator.ctx.runtime.stats().environments).toBe(2);
  });

  it("gives each environment a real /tmp as TMPDIR and HOME", async () => {
    const out = await invoke(t.client, "warm", {}, { Qualifier: "live" });
    const body = out.json as { tmp: string; home: string };
    expect(body.home).toBe(body.tmp);
    expect(existsSync(join(body.tmp, "scratch.txt"))).toBe(true);
  });

  it("serves the version itself on demand, not from the alias's environments", async () => {
    const out = await invoke(t.client, "warm", {}, { Qualifier: "1" });
    const body = out.json as { pid: number; type: string };
    expect(body.type).toBe("on-demand");
    expect(pids).not.toContain(body.pid);
    expect(out.log).toMatch(/Init Duration/);
  });

  it("re-warms the configs after a restart", async () => {
    const before = initsOf(inits()).length;
    t = await t.restart();
    const c = await config(t.client, "warm", "live");
    expect(c.Status).toBe("READY");
    // Warm again once both finished init and wait in /next (until then, invocations would go on demand).
    await eventually(
      async () => t.emulator.ctx.runtime.stats(),
      (s) => s.provisioned === 2 && s.busy === 0,
      20_000,
    );
    expect(initsOf(inits())).toHaveLength(before + 2);
    const restartedPids = initsOf(inits()).slice(before);
    const out = await invoke(t.client, "warm", {}, { Qualifier: "live" });
    expect(restartedPids).toContain((out.json as { pid: number }).pid);
    expect(out.log).not.toMatch(/Init Duration/);
    pids = restartedPids;
  });

  it("releases the environments and their /tmp when the config is deleted", async () => {
    const out = await invoke(t.client, "warm", {}, { Qualifier: "live" });
    const tmp = (out.json as { tmp: string }).tmp;
    expect(existsSync(tmp)).toBe(true);
    await t.client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "warm", Qualifier: "live" }));
    // Idle environments live 60 s here: only the release can stop them this soon.
    await eventually(
      async () => pids.map(alive),
      (a) => a.every((x) => !x),
    );
    await eventually(
      async () => existsSync(tmp),
      (exists) => !exists,
    );
    expect(t.emulator.ctx.runtime.stats().provisioned).toBe(0);
  });
});

describe("provisioned concurrency failures", () => {
  it("turns FAILED with the init error as StatusReason", async () => {
    await deploy(t.client, "broken-init", {
      "index.js": "throw new Error('missing DATABASE_URL'); exports.handler = async () => 1;",
    });
    const version = await publish(t.client, "broken-init");
    await t.client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "broken-init",
        Qualifier: version,
        ProvisionedConcurrentExecutions: 1,
      }),
    );
    const failed = await settledConfig(t.client, "broken-init", version);
    expect(failed).toMatchObject({
      Status: "FAILED",
      AllocatedProvisionedConcurrentExecutions: 0,
      AvailableProvisionedConcurrentExecutions: 0,
    });
    expect(failed.StatusReason).toMatch(/initialization failed.*Error: missing DATABASE_URL/);
    await eventually(
      async () => t.emulator.ctx.runtime.stats().provisioned,
      (n) => n === 0,
    );
  });

  it("turns FAILED when the configs would exceed maxEnvironments", async () => {
    await deploy(t.client, "too-many", { "index.js": "exports.handler = async () => 1;" });
    const version = await publish(t.client, "too-many");
    await t.client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "too-many",
        Qualifier: version,
        ProvisionedConcurrentExecutions: MAX_ENVIRONMENTS,
      }),
    );
    const failed = await settledConfig(t.client, "too-many", version);
    expect(failed.Status).toBe("FAILED");
    expect(failed.StatusReason).toMatch(/maxEnvironments/);
    expect(t.emulator.ctx.runtime.stats().environments).toBeLessThanOrEqual(MAX_ENVIRONMENTS);
  });
});
