/**
 * Contract: nodejs<major>.x functions run on a Node of that major. Majors other than the host's come
 * from the npm registry (node-linux-<arch>), fetched on the first invoke into a cache; when that is
 * impossible the invoke fails with a clear InvalidRuntimeException. Needs the npm registry; skipped with
 * a printed reason when it is unreachable.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CreateFunctionCommandInput } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

const host = Number(process.versions.node.split(".")[0]);
const [other = 22, third = 24] = [22, 24, 20].filter((m) => m !== host);
const runtimeOf = (major: number) => `nodejs${major}.x` as CreateFunctionCommandInput["Runtime"];

let t: TestEmulator;
const dirs: string[] = [];
const saved = { ...process.env };
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "lambda-node-runtimes-"));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
  process.env = saved;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("nodejs runtimes of other majors", () => {
  it("fails with InvalidRuntimeException when the Node build cannot be fetched", async () => {
    process.env.LAMBDA_CONSOLE_NODE_RUNTIMES = scratch();
    process.env.npm_config_registry = "http://127.0.0.1:9/";
    process.env.npm_config_fetch_retries = "0";
    try {
      await deploy(
        t.client,
        "unfetchable",
        { "index.js": "exports.handler = async () => 1;" },
        { Runtime: runtimeOf(other) },
      );
      const e = await errorOf(() => invoke(t.client, "unfetchable", {}));
      expect(e.name).toBe("InvalidRuntimeException");
      expect(e.$metadata?.httpStatusCode).toBe(502);
      expect(e.message).toContain(`nodejs${other}.x needs Node.js ${other}`);
      expect(e.message).toContain(`npm run runtimes:install -- ${other}`);
    } finally {
      delete process.env.npm_config_registry;
      delete process.env.npm_config_fetch_retries;
    }
  });

  it(`fetches Node.js ${other} on the first invoke of a ${runtimeOf(other)} function and runs it there`, async (ctx) => {
    process.env.LAMBDA_CONSOLE_NODE_RUNTIMES = scratch();
    await deploy(
      t.client,
      "other-major",
      {
        "index.mjs":
          "export const handler = async () => ({ node: process.version, execEnv: process.env.AWS_EXECUTION_ENV });",
      },
      { Runtime: runtimeOf(other) },
    );
    let r;
    try {
      r = await invoke(t.client, "other-major", {});
    } catch (e) {
      if (e instanceof Error && e.name === "InvalidRuntimeException" && /could not be fetched/.test(e.message)) {
        console.warn(`skipped: the npm registry is unreachable (${e.message})`);
        ctx.skip();
      }
      throw e;
    }
    expect(r.json).toMatchObject({ execEnv: `AWS_Lambda_nodejs${other}.x` });
    expect((r.json as { node: string }).node).toMatch(new RegExp(`^v${other}\\.`));
    expect(r.log).toContain(`INIT_START Runtime Version: nodejs:${other}.`);
    expect(r.log).toMatch(new RegExp(`Node\\.js ${other}\\.\\d+\\.\\d+ was downloaded for nodejs${other}\\.x`));
    // Cached from now on: the next cold start says nothing about downloading.
    await deploy(
      t.client,
      "other-major-2",
      { "index.js": "exports.handler = async () => process.version;" },
      { Runtime: runtimeOf(other) },
    );
    const again = await invoke(t.client, "other-major-2", {});
    expect(again.text).toMatch(new RegExp(`^"v${other}\\.`));
    expect(again.log).not.toContain("was downloaded");
  }, 180_000);

  it(`runs ${runtimeOf(third)} on Node.js ${third}${third >= 24 ? ", refusing callback handlers as it does" : ""}`, async (ctx) => {
    delete process.env.LAMBDA_CONSOLE_NODE_RUNTIMES;
    await deploy(
      t.client,
      "third-major",
      { "index.js": "exports.handler = async () => process.version;" },
      { Runtime: runtimeOf(third) },
    );
    let r;
    try {
      r = await invoke(t.client, "third-major", {});
    } catch (e) {
      if (e instanceof Error && e.name === "InvalidRuntimeException" && /could not be fetched/.test(e.message)) {
        console.warn(`skipped: the npm registry is unreachable (${e.message})`);
        ctx.skip();
      }
      throw e;
    }
    expect(r.text).toMatch(new RegExp(`^"v${third}\\.`));
    if (third >= 24) {
      await deploy(
        t.client,
        "third-callback",
        {
          "index.js": "exports.handler = (event, context, callback) => callback(null, 1);",
        },
        { Runtime: runtimeOf(third) },
      );
      const refused = await invoke(t.client, "third-callback", {});
      expect(refused.functionError).toBe("Unhandled");
      expect(refused.json).toMatchObject({ errorType: "Runtime.CallbackHandlerDeprecated" });
    }
  }, 180_000);
});
