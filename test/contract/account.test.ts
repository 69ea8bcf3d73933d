/** Contract: GetAccountSettings — the service's default quotas and usage measured from the store. */
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  DeleteLayerVersionCommand,
  GetAccountSettingsCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeZip, ROLE, startEmulator, waitActive, waitUpdated, zipOf, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

const LIMITS = {
  TotalCodeSize: 80_530_636_800,
  CodeSizeUnzipped: 262_144_000,
  CodeSizeZipped: 52_428_800,
  ConcurrentExecutions: 1000,
};

const settings = () => t.client.send(new GetAccountSettingsCommand({}));

describe("GetAccountSettings", () => {
  it("reports the default limits and an empty account", async () => {
    const s = await settings();
    expect(s.$metadata.httpStatusCode).toBe(200);
    expect(s.AccountLimit).toEqual({ ...LIMITS, UnreservedConcurrentExecutions: 1000 });
    expect(s.AccountUsage).toEqual({ TotalCodeSize: 0, FunctionCount: 0 });
  });

  it("measures code storage over functions, their versions and layers, and reserved concurrency", async () => {
    const code = nodeZip("exports.handler = async () => 'a';");
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: "counted",
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Role: ROLE,
        Code: { ZipFile: code },
      }),
    );
    await waitActive(t.client, "counted");
    expect((await settings()).AccountUsage).toEqual({ TotalCodeSize: code.length, FunctionCount: 1 });

    // A published version keeps its own copy of the code.
    await t.client.send(new PublishVersionCommand({ FunctionName: "counted" }));
    expect((await settings()).AccountUsage?.TotalCodeSize).toBe(2 * code.length);

    const bigger = nodeZip(`exports.handler = async () => '${"b".repeat(500)}';`);
    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: "counted", ZipFile: bigger }));
    await waitUpdated(t.client, "counted");
    expect((await settings()).AccountUsage?.TotalCodeSize).toBe(code.length + bigger.length);

    const layer = zipOf({ "python/lib.py": "x = 1" });
    await t.client.send(new PublishLayerVersionCommand({ LayerName: "counted-layer", Content: { ZipFile: layer } }));
    expect((await settings()).AccountUsage?.TotalCodeSize).toBe(code.length + bigger.length + layer.length);

    await t.client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "counted", ReservedConcurrentExecutions: 150 }),
    );
    expect((await settings()).AccountLimit?.UnreservedConcurrentExecutions).toBe(850);
    await t.client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "counted" }));
    expect((await settings()).AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);

    await t.client.send(new DeleteLayerVersionCommand({ LayerName: "counted-layer", VersionNumber: 1 }));
    await t.client.send(new DeleteFunctionCommand({ FunctionName: "counted" }));
    expect((await settings()).AccountUsage).toEqual({ TotalCodeSize: 0, FunctionCount: 0 });
  });

  it("reports the same usage after a restart", async () => {
    let p = await startEmulator();
    try {
      const code = nodeZip("exports.handler = async () => 1;");
      await p.client.send(
        new CreateFunctionCommand({
          FunctionName: "kept",
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: code },
        }),
      );
      await p.client.send(
        new PutFunctionConcurrencyCommand({ FunctionName: "kept", ReservedConcurrentExecutions: 10 }),
      );
      p.client.destroy();
      p = await p.restart();
      const s = await p.client.send(new GetAccountSettingsCommand({}));
      expect(s.AccountUsage).toEqual({ TotalCodeSize: code.length, FunctionCount: 1 });
      expect(s.AccountLimit?.UnreservedConcurrentExecutions).toBe(990);
    } finally {
      await p.dispose();
    }
  });
});
