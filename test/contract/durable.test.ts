/**
 * Contract: the durable-execution actions before the orchestrator exists — routed, validated, and
 * answering as the service does for executions and callbacks that do not exist.
 */
import {
  CheckpointDurableExecutionCommand,
  CreateFunctionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetDurableExecutionStateCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await t.client.send(
    new CreateFunctionCommand({
      FunctionName: "workflow",
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      DurableConfig: { ExecutionTimeout: 3600 },
    }),
  );
  await waitActive(t.client, "workflow");
});
afterAll(async () => {
  await t.dispose();
});

const EXECUTION =
  "arn:aws:lambda:us-east-1:000000000000:function:workflow:$LATEST/durable-execution/order-42/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const OF_GHOST = "arn:aws:lambda:us-east-1:000000000000:function:ghost:$LATEST/durable-execution/run/abc";
// Standard base64 with '+', '/' and '=' — they travel percent-encoded in the path.
const CALLBACK_ID = "eyJleGVjdXRpb24iOiJ4In0+/w==";
const TOKEN = "dG9rZW4+/w==";

describe("executions that do not exist", () => {
  it("GetDurableExecution, GetDurableExecutionHistory and StopDurableExecution answer 404", async () => {
    for (const call of [
      () => t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: EXECUTION })),
      () =>
        t.client.send(
          new GetDurableExecutionHistoryCommand({ DurableExecutionArn: EXECUTION, IncludeExecutionData: true }),
        ),
      () =>
        t.client.send(
          new StopDurableExecutionCommand({ DurableExecutionArn: EXECUTION, Error: { ErrorMessage: "stop" } }),
        ),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toContain(EXECUTION);
    }
    const ghost = await errorOf(() => t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: OF_GHOST })));
    expect(ghost.name).toBe("ResourceNotFoundException");
    expect(ghost.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost");
  });

  it("CheckpointDurableExecution and GetDurableExecutionState reject the token as the SDK expects", async () => {
    for (const call of [
      () =>
        t.client.send(
          new CheckpointDurableExecutionCommand({
            DurableExecutionArn: EXECUTION,
            CheckpointToken: TOKEN,
            Updates: [],
          }),
        ),
      () =>
        t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: EXECUTION, CheckpointToken: TOKEN })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.$metadata?.httpStatusCode).toBe(400);
      // The durable SDK treats this prefix as an invocation-scoped token problem.
      expect(e.message.startsWith("Invalid Checkpoint Token")).toBe(true);
    }
  });

  it("validates ARNs and tokens against the reference before looking anything up", async () => {
    const badArn = await errorOf(() =>
      t.client.send(
        new GetDurableExecutionCommand({
          DurableExecutionArn: "arn:aws:lambda:us-east-1:000000000000:function:workflow",
        }),
      ),
    );
    expect(badArn.name).toBe("InvalidParameterValueException");
    expect(badArn.message).toMatch(/durableExecutionArn/);
    const badToken = await errorOf(() =>
      t.client.send(
        new GetDurableExecutionStateCommand({ DurableExecutionArn: EXECUTION, CheckpointToken: "not base64!" }),
      ),
    );
    expect(badToken.message).toMatch(/checkpointToken/);
  });
});

describe("callbacks that do not exist", () => {
  it("answer 404 for success, failure and heartbeat", async () => {
    for (const call of [
      () =>
        t.client.send(
          new SendDurableExecutionCallbackSuccessCommand({
            CallbackId: CALLBACK_ID,
            Result: new TextEncoder().encode('"ok"'),
          }),
        ),
      () =>
        t.client.send(
          new SendDurableExecutionCallbackFailureCommand({ CallbackId: CALLBACK_ID, Error: { ErrorMessage: "no" } }),
        ),
      () => t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: CALLBACK_ID })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toContain(CALLBACK_ID);
    }
  });
});

describe("ListDurableExecutionsByFunction", () => {
  it("lists no executions for an existing function (and its qualifiers)", async () => {
    const list = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "workflow" }));
    expect(list.$metadata.httpStatusCode).toBe(200);
    expect(list.DurableExecutions).toEqual([]);
    expect(list.NextMarker).toBeUndefined();
    const filtered = await t.client.send(
      new ListDurableExecutionsByFunctionCommand({
        FunctionName: "arn:aws:lambda:us-east-1:000000000000:function:workflow",
        Qualifier: "$LATEST",
        Statuses: ["RUNNING"],
        StartedAfter: new Date("2024-01-01T00:00:00Z"),
        MaxItems: 10,
      }),
    );
    expect(filtered.DurableExecutions).toEqual([]);
  });

  it("answers 404 for a missing function or version", async () => {
    const missing = await errorOf(() =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "ghost" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const version = await errorOf(() =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "workflow", Qualifier: "7" })),
    );
    expect(version.name).toBe("ResourceNotFoundException");
    const badStatus = await errorOf(() =>
      t.client.send(
        new ListDurableExecutionsByFunctionCommand({ FunctionName: "workflow", Statuses: ["DONE" as never] }),
      ),
    );
    expect(badStatus.name).toBe("InvalidParameterValueException");
  });
});
