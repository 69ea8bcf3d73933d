/** Contract: the function operations of the foundation issue, driven with the real SDK. */
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, waitUpdated, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

const code = nodeZip("exports.handler = async (e) => e;");

function create(name: string, extra: Partial<CreateFunctionCommandInput> = {}) {
  return t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: code },
      ...extra,
    }),
  );
}

describe("CreateFunction", () => {
  it("creates a function with the service's defaults, Pending then Active", async () => {
    const created = await create("defaults");
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: "defaults",
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:defaults",
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: ROLE,
      MemorySize: 128,
      Timeout: 3,
      Description: "",
      Version: "$LATEST",
      PackageType: "Zip",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      TracingConfig: { Mode: "PassThrough" },
      LoggingConfig: { LogFormat: "Text", LogGroup: "/aws/lambda/defaults" },
      State: "Pending",
      StateReasonCode: "Creating",
      CodeSize: code.length,
    });
    expect(created.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(created.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    await waitActive(t.client, "defaults");
    const config = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "defaults" }));
    expect(config.State).toBe("Active");
    expect(config.LastUpdateStatus).toBe("Successful");
  });

  it("stores and returns every configuration field it was given", async () => {
    const created = await create("full", {
      Description: "all the fields",
      MemorySize: 512,
      Timeout: 30,
      Architectures: ["arm64"],
      Environment: { Variables: { STAGE: "dev", LOG_LEVEL: "debug" } },
      TracingConfig: { Mode: "Active" },
      EphemeralStorage: { Size: 1024 },
      DeadLetterConfig: { TargetArn: "arn:aws:sqs:us-east-1:000000000000:dlq" },
      KMSKeyArn: "arn:aws:kms:us-east-1:000000000000:key/1234",
      VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
      LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "DEBUG", SystemLogLevel: "WARN", LogGroup: "/custom" },
      Tags: { team: "core" },
    });
    expect(created).toMatchObject({
      Description: "all the fields",
      MemorySize: 512,
      Timeout: 30,
      Architectures: ["arm64"],
      Environment: { Variables: { STAGE: "dev", LOG_LEVEL: "debug" } },
      TracingConfig: { Mode: "Active" },
      EphemeralStorage: { Size: 1024 },
      DeadLetterConfig: { TargetArn: "arn:aws:sqs:us-east-1:000000000000:dlq" },
      KMSKeyArn: "arn:aws:kms:us-east-1:000000000000:key/1234",
      VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
      LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "DEBUG", SystemLogLevel: "WARN", LogGroup: "/custom" },
    });
    expect(created.VpcConfig?.VpcId).toMatch(/^vpc-/);
    const got = await t.client.send(new GetFunctionCommand({ FunctionName: "full" }));
    expect(got.Tags).toEqual({ team: "core" });
  });

  it("rejects a duplicate name with ResourceConflictException", async () => {
    await create("dup");
    const e = await errorOf(() => create("dup"));
    expect(e.name).toBe("ResourceConflictException");
    expect(e.$metadata?.httpStatusCode).toBe(409);
    expect(e.message).toBe("Function already exist: dup");
  });

  it.each([
    [{ MemorySize: 64 }, "memorySize", "greater than or equal to 128"],
    [{ Timeout: 0 }, "timeout", "greater than or equal to 1"],
    [{ Timeout: 901 }, "timeout", "less than or equal to 900"],
    [{ Runtime: "nodejs99.x" as never }, "runtime", "enum value set"],
    [{ Role: "not-a-role" }, "role", "regular expression pattern"],
    [{ Description: "x".repeat(257) }, "description", "length less than or equal to 256"],
    [{ Architectures: ["sparc" as never] }, "architectures.member.1", "enum value set"],
    [{ EphemeralStorage: { Size: 100 } }, "ephemeralStorage.size", "greater than or equal to 512"],
    [{ Environment: { Variables: { "1BAD": "x" } } }, "environment.variables", "Map keys must satisfy"],
  ])("rejects %j naming the field", async (extra, field, constraint) => {
    const e = await errorOf(() => create("invalid-fn", extra));
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.message).toContain(`at '${field}'`);
    expect(e.message).toContain(constraint);
  });

  it("rejects a name over 64 characters and a name with bad characters", async () => {
    expect((await errorOf(() => create("a".repeat(65)))).name).toBe("InvalidParameterValueException");
    const e = await errorOf(() => create("bad name"));
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.message).toContain("functionName");
  });

  it("requires Runtime and Handler for zip packages, and code", async () => {
    const noRuntime = await errorOf(() =>
      t.client.send(
        new CreateFunctionCommand({ FunctionName: "nort", Role: ROLE, Handler: "i.h", Code: { ZipFile: code } }),
      ),
    );
    expect(noRuntime.name).toBe("InvalidParameterValueException");
    expect(noRuntime.message).toMatch(/Runtime and Handler are mandatory/);
    const noCode = await errorOf(() => create("nocode", { Code: {} }));
    expect(noCode.name).toBe("InvalidParameterValueException");
  });

  it("rejects a zip that is not a zip, reserved environment keys, and a 4 KB environment", async () => {
    const notZip = await errorOf(() => create("notzip", { Code: { ZipFile: new TextEncoder().encode("hello") } }));
    expect(notZip.name).toBe("InvalidParameterValueException");
    expect(notZip.message).toMatch(/Could not unzip/);
    const reserved = await errorOf(() => create("reserved", { Environment: { Variables: { AWS_REGION: "x" } } }));
    expect(reserved.message).toMatch(/reserved keys.*AWS_REGION/);
    const big = await errorOf(() => create("bigenv", { Environment: { Variables: { BIG: "x".repeat(5000) } } }));
    expect(big.message).toMatch(/exceeded the 4KB limit/);
  });

  it("publishes version 1 when Publish is set", async () => {
    const created = await create("published", { Publish: true });
    expect(created.Version).toBe("1");
    expect(created.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:published:1");
  });
});

describe("GetFunction and GetFunctionConfiguration", () => {
  it("returns a working Code.Location that downloads the exact zip", async () => {
    await create("download");
    const got = await t.client.send(new GetFunctionCommand({ FunctionName: "download" }));
    expect(got.Code?.RepositoryType).toBe("S3");
    const res = await fetch(got.Code?.Location ?? "");
    expect(res.status).toBe(200);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(body).equals(Buffer.from(code))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(body)["index.js"])).toContain("exports.handler");
    // A tampered signature is refused.
    const tampered = (got.Code?.Location ?? "").replace(/Signature=.{4}/, "Signature=0000");
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("accepts names, partial ARNs and full ARNs", async () => {
    await create("by-arn");
    for (const name of [
      "by-arn",
      "000000000000:function:by-arn",
      "arn:aws:lambda:us-east-1:000000000000:function:by-arn",
    ]) {
      const c = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      expect(c.FunctionName).toBe("by-arn");
    }
    const wrongRegion = await errorOf(() =>
      t.client.send(
        new GetFunctionConfigurationCommand({ FunctionName: "arn:aws:lambda:eu-west-1:000000000000:function:by-arn" }),
      ),
    );
    expect(wrongRegion.name).toBe("InvalidParameterValueException");
  });

  it("answers ResourceNotFoundException with the service's message", async () => {
    const e = await errorOf(() => t.client.send(new GetFunctionCommand({ FunctionName: "nope" })));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.$metadata?.httpStatusCode).toBe(404);
    expect(e.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
    const v = await errorOf(() =>
      t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "by-arn", Qualifier: "7" })),
    );
    expect(v.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:by-arn:7");
  });
});

describe("ListFunctions", () => {
  it("pages with Marker/MaxItems, stable while functions are inserted between pages", async () => {
    const fresh = await startEmulator();
    try {
      const send = fresh.client.send.bind(fresh.client);
      for (const n of ["p-a", "p-b", "p-c", "p-d", "p-e"]) {
        await send(
          new CreateFunctionCommand({
            FunctionName: n,
            Runtime: "nodejs20.x",
            Handler: "index.handler",
            Role: ROLE,
            Code: { ZipFile: code },
          }),
        );
      }
      const first = await send(new ListFunctionsCommand({ MaxItems: 2 }));
      expect(first.Functions?.map((f) => f.FunctionName)).toEqual(["p-a", "p-b"]);
      expect(first.NextMarker).toBeTruthy();
      // Inserted before the marker: must not shift the next page.
      await send(
        new CreateFunctionCommand({
          FunctionName: "p-0",
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: code },
        }),
      );
      const second = await send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
      expect(second.Functions?.map((f) => f.FunctionName)).toEqual(["p-c", "p-d"]);
      const third = await send(new ListFunctionsCommand({ MaxItems: 2, Marker: second.NextMarker }));
      expect(third.Functions?.map((f) => f.FunctionName)).toEqual(["p-e"]);
      expect(third.NextMarker).toBeUndefined();

      await waitActive(fresh.client, "p-a");
      await send(new UpdateFunctionCodeCommand({ FunctionName: "p-a", ZipFile: code, Publish: true }));
      const all = await send(new ListFunctionsCommand({ FunctionVersion: "ALL", MaxItems: 50 }));
      const pa = all.Functions?.filter((f) => f.FunctionName === "p-a").map((f) => f.Version);
      expect(pa).toEqual(["$LATEST", "1"]);
      const bad = await errorOf(() => send(new ListFunctionsCommand({ Marker: "garbage" })));
      expect(bad.name).toBe("InvalidParameterValueException");
      const over = await errorOf(() => send(new ListFunctionsCommand({ MaxItems: 10001 })));
      expect(over.message).toContain("maxItems");
    } finally {
      await fresh.dispose();
    }
  });
});

describe("UpdateFunctionConfiguration and UpdateFunctionCode", () => {
  it("updates fields, changes RevisionId, goes InProgress then Successful", async () => {
    await create("upd");
    await waitActive(t.client, "upd");
    const before = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "upd" }));
    const updated = await t.client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "upd",
        MemorySize: 256,
        Environment: { Variables: { AB: "1" } },
        Description: "changed",
        RevisionId: before.RevisionId,
      }),
    );
    expect(updated).toMatchObject({ MemorySize: 256, Description: "changed", Environment: { Variables: { AB: "1" } } });
    expect(updated.LastUpdateStatus).toBe("InProgress");
    expect(updated.RevisionId).not.toBe(before.RevisionId);
    await waitUpdated(t.client, "upd");
    const after = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "upd" }));
    expect(after.LastUpdateStatus).toBe("Successful");
    expect(after.MemorySize).toBe(256);
    // Clearing the environment removes it.
    await t.client.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "upd", Environment: { Variables: {} } }),
    );
    await waitUpdated(t.client, "upd");
    expect(
      (await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "upd" }))).Environment,
    ).toBeUndefined();
  });

  it("refuses a stale RevisionId with PreconditionFailedException", async () => {
    await create("rev");
    await waitActive(t.client, "rev");
    const e = await errorOf(() =>
      t.client.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "rev",
          MemorySize: 256,
          RevisionId: "00000000-0000-0000-0000-000000000000",
        }),
      ),
    );
    expect(e.name).toBe("PreconditionFailedException");
    expect(e.$metadata?.httpStatusCode).toBe(412);
  });

  it("refuses a second update while the first is in progress", async () => {
    const slow = await startEmulator({ stateTransitionMs: 2000 });
    try {
      await slow.client.send(
        new CreateFunctionCommand({
          FunctionName: "busy",
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: code },
        }),
      );
      const e = await errorOf(() =>
        slow.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: "busy", MemorySize: 256 })),
      );
      expect(e.name).toBe("ResourceConflictException");
      expect(e.message).toMatch(/An update is in progress/);
    } finally {
      await slow.dispose();
    }
  });

  it("replaces the code: new CodeSha256 and CodeSize, old RevisionId refused", async () => {
    await create("code");
    await waitActive(t.client, "code");
    const before = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: "code" }));
    const newZip = nodeZip("exports.handler = async () => 'v2';");
    const updated = await t.client.send(
      new UpdateFunctionCodeCommand({ FunctionName: "code", ZipFile: newZip, RevisionId: before.RevisionId }),
    );
    expect(updated.CodeSha256).not.toBe(before.CodeSha256);
    expect(updated.CodeSize).toBe(newZip.length);
    expect(updated.LastUpdateStatus).toBe("InProgress");
    await waitUpdated(t.client, "code");
    const stale = await errorOf(() =>
      t.client.send(
        new UpdateFunctionCodeCommand({ FunctionName: "code", ZipFile: newZip, RevisionId: before.RevisionId }),
      ),
    );
    expect(stale.name).toBe("PreconditionFailedException");
    const missing = await errorOf(() =>
      t.client.send(new UpdateFunctionCodeCommand({ FunctionName: "missing-fn", ZipFile: newZip })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    const notZip = await errorOf(() =>
      t.client.send(new UpdateFunctionCodeCommand({ FunctionName: "code", ZipFile: new Uint8Array([1, 2, 3]) })),
    );
    expect(notZip.name).toBe("InvalidParameterValueException");
  });
});

describe("DeleteFunction", () => {
  it("deletes a function (204) and then answers not found", async () => {
    await create("gone");
    const res = await t.client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
    expect(res.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(() => t.client.send(new GetFunctionCommand({ FunctionName: "gone" })))).name).toBe(
      "ResourceNotFoundException",
    );
    expect((await errorOf(() => t.client.send(new DeleteFunctionCommand({ FunctionName: "gone" })))).name).toBe(
      "ResourceNotFoundException",
    );
  });

  it("refuses to delete $LATEST by qualifier", async () => {
    await create("keep");
    const e = await errorOf(() =>
      t.client.send(new DeleteFunctionCommand({ FunctionName: "keep", Qualifier: "$LATEST" })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
  });
});

describe("persistence", () => {
  it("keeps functions and code across a restart", async () => {
    const first = await startEmulator();
    await first.client.send(
      new CreateFunctionCommand({
        FunctionName: "durable-fn",
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Role: ROLE,
        Code: { ZipFile: code },
        Description: "survives",
      }),
    );
    await waitActive(first.client, "durable-fn");
    const second = await first.restart();
    try {
      const got = await second.client.send(new GetFunctionCommand({ FunctionName: "durable-fn" }));
      expect(got.Configuration).toMatchObject({ Description: "survives", State: "Active" });
      const zip = new Uint8Array(await (await fetch(got.Code?.Location ?? "")).arrayBuffer());
      expect(Buffer.from(zip).equals(Buffer.from(code))).toBe(true);
    } finally {
      await second.dispose();
    }
  });
});
