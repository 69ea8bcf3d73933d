/**
 * Contract: the console's CloudWatch Logs path (lib/aws/logged-invocations.ts) against the emulator's
 * Logs API — the real SDK clients on both sides, a connection of kind `endpoint` as the console would
 * hold for an endpoint without invocation records.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerConfig } from "@/lib/env";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

vi.mock("server-only", () => ({}));
const { getLoggedInvocation, listLoggedInvocations } = await import("@/lib/aws/logged-invocations");
const { AwsCallError } = await import("@/lib/aws/errors");

let t: TestEmulator;
let config: ServerConfig;

beforeAll(async () => {
  t = await startEmulator();
  config = {
    connection: { kind: "endpoint", endpoint: t.emulator.url, region: "us-east-1" },
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  };
});

afterAll(() => t.dispose());

describe("listing invocations from a log group", () => {
  let ok: string;
  let failed: string;
  let timedOut: string;

  beforeAll(async () => {
    await deploy(
      t.client,
      "logged",
      {
        "index.js": `exports.handler = async (e) => {
  console.log("working on", e.n);
  if (e.fail) throw new TypeError("asked to fail");
  if (e.sleep) await new Promise((r) => setTimeout(r, e.sleep));
  return e.n;
};`,
      },
      { Timeout: 1 },
    );
    ok = (await invoke(t.client, "logged", { n: 1 })).requestId ?? "";
    failed = (await invoke(t.client, "logged", { n: 2, fail: true })).requestId ?? "";
    timedOut = (await invoke(t.client, "logged", { n: 3, sleep: 3_000 })).requestId ?? "";
  });

  it("says the log group does not exist before the first invocation", async () => {
    await deploy(t.client, "never-run", { "index.js": `exports.handler = async () => 1;` });
    expect(await listLoggedInvocations("never-run", {}, config)).toEqual({
      Source: "CloudWatchLogs",
      LogGroup: "/aws/lambda/never-run",
      LogGroupExists: false,
      Invocations: [],
    });
  });

  it("lists every invocation newest first, with its metrics, status and error", async () => {
    const page = await listLoggedInvocations("logged", {}, config);
    expect(page).toMatchObject({ Source: "CloudWatchLogs", LogGroup: "/aws/lambda/logged", LogGroupExists: true });
    expect(page.NextMarker).toBeUndefined();
    expect(page.Invocations.map((i) => [i.RequestId, i.Status])).toEqual([
      [timedOut, "Timeout"],
      [failed, "Error"],
      [ok, "Success"],
    ]);
    const [timeout, error, success] = page.Invocations;
    expect(success).toMatchObject({ Version: "$LATEST", MemorySizeMB: 128, FunctionName: "logged" });
    expect(success?.InitDurationMs).toBeGreaterThan(0);
    expect(error?.InitDurationMs).toBeUndefined();
    expect(error).toMatchObject({ ErrorType: "TypeError", ErrorMessage: "asked to fail" });
    expect(timeout).toMatchObject({ ErrorType: "Sandbox.Timedout", ErrorMessage: "Task timed out after 1.00 seconds" });
    expect(timeout?.DurationMs).toBeGreaterThanOrEqual(900);
    for (const i of page.Invocations) {
      expect(Date.parse(i.EndTime) - Date.parse(i.StartTime)).toBeCloseTo(i.DurationMs, -1);
      expect(i.LogStream).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    }
  });

  it("filters by status", async () => {
    const errors = await listLoggedInvocations("logged", { status: "Error" }, config);
    expect(errors.Invocations.map((i) => i.RequestId)).toEqual([failed]);
    const timeouts = await listLoggedInvocations("logged", { status: "Timeout" }, config);
    expect(timeouts.Invocations.map((i) => i.RequestId)).toEqual([timedOut]);
  });

  it("pages with NextMarker, without repeating or skipping", async () => {
    const first = await listLoggedInvocations("logged", { maxItems: 2 }, config);
    expect(first.Invocations.map((i) => i.RequestId)).toEqual([timedOut, failed]);
    expect(first.NextMarker).toBeTruthy();
    const second = await listLoggedInvocations("logged", { maxItems: 2, marker: first.NextMarker as string }, config);
    expect(second.Invocations.map((i) => i.RequestId)).toEqual([ok]);
    expect(second.NextMarker).toBeUndefined();
  });

  it("searches only the time window it is given", async () => {
    const now = Date.now();
    const recent = await listLoggedInvocations("logged", { withinMs: 60 * 60_000 }, config, now);
    expect(recent.Invocations).toHaveLength(3);
    // A window that ends before the invocations: none, and nothing older to load.
    const before = await listLoggedInvocations("logged", { withinMs: 60_000 }, config, now - 10 * 60_000);
    expect(before.Invocations).toEqual([]);
    expect(before.NextMarker).toBeUndefined();
  });

  it("reads one invocation's lines from its stream, by the REPORT's time or by searching back", async () => {
    const page = await listLoggedInvocations("logged", {}, config);
    const row = page.Invocations.find((i) => i.RequestId === failed);
    const detail = await getLoggedInvocation("logged", failed, Date.parse(row?.EndTime ?? ""), config);
    expect(detail).toMatchObject({ RequestId: failed, Status: "Error", ErrorType: "TypeError", LogTruncated: false });
    const lines = detail.Log.trimEnd().split("\n");
    expect(lines[0]).toBe(`START RequestId: ${failed} Version: $LATEST`);
    expect(lines.some((l) => l.endsWith("\tINFO\tworking on 2"))).toBe(true);
    expect(lines.some((l) => l.includes("Invoke Error"))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${failed}\\t`));
    // Nothing from the invocations before or after it in the same environment.
    expect(detail.Log).not.toContain(ok);
    expect(detail.Log).not.toContain(timedOut);

    const cold = await getLoggedInvocation("logged", ok, undefined, config);
    expect(cold.Log.startsWith("INIT_START Runtime Version:")).toBe(true);
    expect(cold.InitDurationMs).toBeGreaterThan(0);
  });

  it("answers ResourceNotFoundException for a request the log does not have", async () => {
    const error = await getLoggedInvocation("logged", "00000000-0000-4000-8000-000000000000", undefined, config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as InstanceType<typeof AwsCallError>).detail).toMatchObject({
      code: "ResourceNotFoundException",
      status: 404,
    });
  });
});

describe("the JSON log format", () => {
  it("reads platform.report records: status and error type come from the platform", async () => {
    await deploy(
      t.client,
      "logged-json",
      { "index.js": `exports.handler = async (e) => { if (e.fail) throw new RangeError("out of range"); return 1; };` },
      { LoggingConfig: { LogFormat: "JSON" } },
    );
    const good = (await invoke(t.client, "logged-json", {})).requestId;
    const bad = (await invoke(t.client, "logged-json", { fail: true })).requestId;
    const page = await listLoggedInvocations("logged-json", {}, config);
    expect(page.Invocations.map((i) => [i.RequestId, i.Status, i.ErrorType])).toEqual([
      [bad, "Error", "RangeError"],
      [good, "Success", undefined],
    ]);
    expect(page.Invocations[1]?.InitDurationMs).toBeGreaterThan(0);
    const detail = await getLoggedInvocation("logged-json", bad ?? "", undefined, config);
    expect(detail.ErrorMessage).toBe("out of range");
    expect(detail.Log).toContain('"type":"platform.report"');
  });

  it("reads a custom LoggingConfig.LogGroup", async () => {
    await deploy(
      t.client,
      "logged-custom",
      { "index.js": `exports.handler = async () => 1;` },
      { LoggingConfig: { LogFormat: "Text", LogGroup: "/team/shared" } },
    );
    const id = (await invoke(t.client, "logged-custom", {})).requestId;
    const page = await listLoggedInvocations("logged-custom", {}, config);
    expect(page.LogGroup).toBe("/team/shared");
    expect(page.Invocations.map((i) => i.RequestId)).toEqual([id]);
  });
});
