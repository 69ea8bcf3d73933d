/** Contract: the demo functions a fresh data dir is seeded with all run and answer as documented. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostPython } from "../../emulator/runtime/host-python";
import { settled } from "../support/control-plane";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { SendDurableExecutionCallbackSuccessCommand } from "@aws-sdk/client-lambda";
import { nodeBuild } from "../../emulator/runtime/node-runtimes";
import { eventWhere, history, SETUP_TIMEOUT_MS, start, timeline, until } from "./durable-support";
import { invoke } from "./runtime-support";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ seedDemo: true });
  // order-workflow runs on nodejs22.x: fetch its Node build (once, cached) before the tests' timeouts run.
  await nodeBuild(22);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
});

describe("demo functions", () => {
  it("hello-world greets with its GREETING variable", async () => {
    await settled(t.client, "hello-world");
    const r = await invoke(t.client, "hello-world", { name: "Lambda" });
    expect(r.json).toMatchObject({ statusCode: 200, body: "Hello, Lambda!", requestId: r.requestId });
    expect(r.log).toContain('INFO\tevent {"name":"Lambda"}');
  });

  it("order-total sums lines, keeps warm state and rejects bad input", async () => {
    await settled(t.client, "order-total");
    const order = {
      lines: [
        { price: 2.5, quantity: 2 },
        { price: 1, quantity: 3 },
      ],
    };
    expect((await invoke(t.client, "order-total", order)).json).toEqual({
      total: 8,
      currency: "EUR",
      warmInvocations: 1,
    });
    expect((await invoke(t.client, "order-total", order)).json).toMatchObject({ warmInvocations: 2 });
    const bad = await invoke(t.client, "order-total", {});
    expect(bad.functionError).toBe("Unhandled");
    expect(bad.json).toMatchObject({ errorType: "TypeError" });
  });

  it("python-hello greets from Python (skipped without python3)", async (ctx) => {
    if (!(await hostPython())) {
      console.warn("python-hello skipped: no python3 on PATH");
      ctx.skip();
    }
    await settled(t.client, "python-hello");
    const r = await invoke(t.client, "python-hello", { name: "Py" });
    expect(r.functionError).toBeUndefined();
    const answer = r.json as { statusCode: number; body: string; requestId: string };
    expect(answer).toMatchObject({ statusCode: 200, requestId: r.requestId });
    expect(JSON.parse(answer.body)).toEqual({ message: "Hello, Py!" });
    expect(r.log).toMatch(/\[INFO\]\t.*\tgreeting Py/);
    expect(r.log).not.toContain("WARNING");
  });

  it("order-workflow is a durable function whose execution waits for a manager's approval", async () => {
    await settled(t.client, "order-workflow");
    const r = await start(t.client, "order-workflow", { orderId: "demo-1" }, { type: "Event" });
    const callback = await eventWhere(t.client, r.arn, (e) => e.EventType === "CallbackStarted");
    // waitForCallback: a named WaitForCallback context around an unnamed callback.
    const approval = (await history(t.client, r.arn)).find((e) => e.Id === callback.ParentId);
    expect(approval).toMatchObject({ Name: "manager-approval", SubType: "WaitForCallback" });
    await t.client.send(
      new SendDurableExecutionCallbackSuccessCommand({
        CallbackId: callback.CallbackStartedDetails?.CallbackId,
        Result: Buffer.from("approved by Ann"),
      }),
    );
    const done = await until(t.client, r.arn, ["SUCCEEDED", "FAILED"]);
    expect(JSON.parse(done.Result ?? "null")).toMatchObject({
      orderId: "demo-1",
      total: 64,
      payment: { attempt: 2 },
      approval: "approved by Ann",
      delivery: { label: "DHL:P-demo-1" },
    });
    const names = timeline(await history(t.client, r.arn));
    for (const expected of [
      "StepFailed charge-payment",
      "StepSucceeded charge-payment",
      "ContextSucceeded prepare-shipment",
      "WaitSucceeded cool-off",
      "CallbackSucceeded",
      "ContextSucceeded manager-approval",
      "ContextSucceeded fulfil",
    ]) {
      expect(names).toContain(expected);
    }
  });
});
