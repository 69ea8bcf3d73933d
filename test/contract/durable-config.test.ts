/**
 * Contract: DurableConfig on CreateFunction / UpdateFunctionConfiguration — the service's own refusals
 * (no ExecutionTimeout, a managed runtime without durable support, enabling it on an existing function)
 * and what an update keeps.
 */
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, waitUpdated, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

function create(name: string, extra: Partial<CreateFunctionCommandInput> = {}) {
  return t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      ...extra,
    }),
  );
}

describe("DurableConfig", () => {
  it("is refused without an ExecutionTimeout, or on a managed runtime without durable support", async () => {
    const noTimeout = await errorOf(() => create("no-timeout", { DurableConfig: { RetentionPeriodInDays: 7 } }));
    expect(noTimeout.name).toBe("InvalidParameterValueException");
    expect(noTimeout.message).toBe(
      "You cannot create a function with a durable configuration without an executionTimeout",
    );
    for (const Runtime of ["nodejs20.x", "python3.12", "provided.al2023"] as const) {
      const e = await errorOf(() =>
        create(`old-${Runtime.replace(/\./g, "-")}`, { Runtime, DurableConfig: { ExecutionTimeout: 60 } }),
      );
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.message).toBe("You cannot use a managed runtime that does not support a durable configuration");
    }
  });

  it("is kept on nodejs24.x and python3.13, and an update changes only the settings it names", async () => {
    const py = await create("durable-py", {
      Runtime: "python3.13",
      Handler: "index.handler",
      DurableConfig: { ExecutionTimeout: 120 },
    });
    expect(py.DurableConfig).toEqual({ ExecutionTimeout: 120 });
    await create("durable-node", {
      Runtime: "nodejs24.x",
      DurableConfig: { ExecutionTimeout: 900, RetentionPeriodInDays: 3 },
    });
    await waitActive(t.client, "durable-node");
    const updated = await t.client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "durable-node",
        DurableConfig: { RetentionPeriodInDays: 9 },
      }),
    );
    expect(updated.DurableConfig).toEqual({ ExecutionTimeout: 900, RetentionPeriodInDays: 9 });
    await waitUpdated(t.client, "durable-node");
    const runtime = await errorOf(() =>
      t.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: "durable-node", Runtime: "nodejs20.x" })),
    );
    expect(runtime.message).toBe("You cannot use a managed runtime that does not support a durable configuration");
    const stored = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "durable-node" }));
    expect(stored).toMatchObject({
      Runtime: "nodejs24.x",
      DurableConfig: { ExecutionTimeout: 900, RetentionPeriodInDays: 9 },
    });
  });

  it("cannot be enabled on an existing function", async () => {
    await create("plain");
    await waitActive(t.client, "plain");
    const e = await errorOf(() =>
      t.client.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: "plain", DurableConfig: { ExecutionTimeout: 60 } }),
      ),
    );
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.message).toBe("You can only enable durable execution when creating a function.");
    const stored = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "plain" }));
    expect(stored.DurableConfig).toBeUndefined();
  });
});
