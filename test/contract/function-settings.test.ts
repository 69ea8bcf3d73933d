/** Contract: recursion, scaling and runtime-management settings of functions, driven with the real SDK. */
import {
  CreateCapacityProviderCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionRecursionConfigCommand,
  GetFunctionScalingConfigCommand,
  GetRuntimeManagementConfigCommand,
  PublishVersionCommand,
  PutFunctionRecursionConfigCommand,
  PutFunctionScalingConfigCommand,
  PutRuntimeManagementConfigCommand,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, waitUpdated, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await createFunction("settings");
});
afterAll(async () => {
  await t.dispose();
});

const FN_ARN = "arn:aws:lambda:us-east-1:000000000000:function:settings";
const RUNTIME_VERSION =
  "arn:aws:lambda:us-east-1::runtime:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const GHOST = "Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost";

async function createFunction(name: string, extra: Partial<CreateFunctionCommandInput> = {}) {
  await t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      ...extra,
    }),
  );
  await waitActive(t.client, name);
}

describe("Put/GetFunctionRecursionConfig", () => {
  it("defaults to Terminate and stores Allow", async () => {
    const initial = await t.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "settings" }));
    expect(initial.RecursiveLoop).toBe("Terminate");
    const put = await t.client.send(
      new PutFunctionRecursionConfigCommand({ FunctionName: FN_ARN, RecursiveLoop: "Allow" }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(put.RecursiveLoop).toBe("Allow");
    const got = await t.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "settings" }));
    expect(got.RecursiveLoop).toBe("Allow");
  });

  it("answers 404 for a missing function and 400 for a bad value or a qualifier", async () => {
    const missing = await errorOf(() =>
      t.client.send(new PutFunctionRecursionConfigCommand({ FunctionName: "ghost", RecursiveLoop: "Allow" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe(GHOST);
    const getMissing = await errorOf(() =>
      t.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "ghost" })),
    );
    expect(getMissing.name).toBe("ResourceNotFoundException");
    const bad = await errorOf(() =>
      t.client.send(
        new PutFunctionRecursionConfigCommand({ FunctionName: "settings", RecursiveLoop: "Maybe" as never }),
      ),
    );
    expect(bad.name).toBe("InvalidParameterValueException");
    expect(bad.message).toMatch(/recursiveLoop/);
    const qualified = await errorOf(() =>
      t.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "settings:1" })),
    );
    expect(qualified.name).toBe("InvalidParameterValueException");
  });

  it("goes away with the function", async () => {
    await createFunction("recursive");
    await t.client.send(new PutFunctionRecursionConfigCommand({ FunctionName: "recursive", RecursiveLoop: "Allow" }));
    await t.client.send(new DeleteFunctionCommand({ FunctionName: "recursive" }));
    await createFunction("recursive");
    const got = await t.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "recursive" }));
    expect(got.RecursiveLoop).toBe("Terminate");
  });
});

describe("Put/GetFunctionScalingConfig", () => {
  beforeAll(async () => {
    await t.client.send(
      new CreateCapacityProviderCommand({
        CapacityProviderName: "pool",
        VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"], SecurityGroupIds: [] },
        PermissionsConfig: { CapacityProviderOperatorRoleArn: "arn:aws:iam::000000000000:role/Operator" },
      }),
    );
    await createFunction("managed", {
      MemorySize: 2048,
      CapacityProviderConfig: {
        LambdaManagedInstancesCapacityProviderConfig: {
          CapacityProviderArn: "arn:aws:lambda:us-east-1:000000000000:capacity-provider:pool",
        },
      },
    });
    await t.client.send(new PublishVersionCommand({ FunctionName: "managed" }));
  });

  it("stores the scaling of a published version and reports it requested and applied", async () => {
    const put = await t.client.send(
      new PutFunctionScalingConfigCommand({
        FunctionName: "managed",
        Qualifier: "1",
        FunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(202);
    expect(put.FunctionState).toBe("Active");
    const got = await t.client.send(new GetFunctionScalingConfigCommand({ FunctionName: "managed", Qualifier: "1" }));
    expect(got).toMatchObject({
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:managed:1",
      RequestedFunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 },
      AppliedFunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 },
    });
    const latestPublished = await t.client.send(
      new PutFunctionScalingConfigCommand({
        FunctionName: "managed",
        Qualifier: "$LATEST.PUBLISHED",
        FunctionScalingConfig: { MinExecutionEnvironments: 0 },
      }),
    );
    expect(latestPublished.FunctionState).toBe("Active");
    const gotLatestPublished = await t.client.send(
      new GetFunctionScalingConfigCommand({ FunctionName: "managed", Qualifier: "$LATEST.PUBLISHED" }),
    );
    expect(gotLatestPublished).toMatchObject({
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:managed:$LATEST.PUBLISHED",
      RequestedFunctionScalingConfig: { MinExecutionEnvironments: 0 },
    });
  });

  it("answers the documented errors", async () => {
    const minOverMax = await errorOf(() =>
      t.client.send(
        new PutFunctionScalingConfigCommand({
          FunctionName: "managed",
          Qualifier: "1",
          FunctionScalingConfig: { MinExecutionEnvironments: 5, MaxExecutionEnvironments: 2 },
        }),
      ),
    );
    expect(minOverMax.name).toBe("InvalidParameterValueException");
    const range = await errorOf(() =>
      t.client.send(
        new PutFunctionScalingConfigCommand({
          FunctionName: "managed",
          Qualifier: "1",
          FunctionScalingConfig: { MaxExecutionEnvironments: 15_001 },
        }),
      ),
    );
    expect(range.message).toMatch(/functionScalingConfig\.maxExecutionEnvironments/);
    const latest = await errorOf(() =>
      t.client.send(new PutFunctionScalingConfigCommand({ FunctionName: "managed", Qualifier: "$LATEST" })),
    );
    expect(latest.name).toBe("InvalidParameterValueException");
    expect(latest.message).toMatch(/'qualifier'/);
    const noVersion = await errorOf(() =>
      t.client.send(new GetFunctionScalingConfigCommand({ FunctionName: "managed", Qualifier: "9" })),
    );
    expect(noVersion.name).toBe("ResourceNotFoundException");
    expect(noVersion.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:managed:9");
    const unpublished = await errorOf(() =>
      t.client.send(new GetFunctionScalingConfigCommand({ FunctionName: "settings", Qualifier: "$LATEST.PUBLISHED" })),
    );
    expect(unpublished.name).toBe("ResourceNotFoundException");
    const ghost = await errorOf(() =>
      t.client.send(new GetFunctionScalingConfigCommand({ FunctionName: "ghost", Qualifier: "1" })),
    );
    expect(ghost.message).toBe(GHOST);
    await t.client.send(new PublishVersionCommand({ FunctionName: "settings" }));
    const notManaged = await errorOf(() =>
      t.client.send(
        new PutFunctionScalingConfigCommand({
          FunctionName: "settings",
          Qualifier: "1",
          FunctionScalingConfig: { MinExecutionEnvironments: 1 },
        }),
      ),
    );
    expect(notManaged.name).toBe("InvalidParameterValueException");
    expect(notManaged.message).toMatch(/CapacityProviderConfig/);
    const nothingSet = await t.client.send(
      new GetFunctionScalingConfigCommand({ FunctionName: "settings", Qualifier: "1" }),
    );
    expect(nothingSet.FunctionArn).toBe(`${FN_ARN}:1`);
    expect(nothingSet.RequestedFunctionScalingConfig).toBeUndefined();
  });
});

describe("Put/GetRuntimeManagementConfig", () => {
  it("defaults to Auto and stores Manual with a runtime version per version", async () => {
    await createFunction("runtime-fn");
    const initial = await t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "runtime-fn" }));
    expect(initial).toMatchObject({
      UpdateRuntimeOn: "Auto",
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:runtime-fn",
    });
    expect(initial.RuntimeVersionArn).toBeUndefined();

    const manual = await t.client.send(
      new PutRuntimeManagementConfigCommand({
        FunctionName: "runtime-fn",
        UpdateRuntimeOn: "Manual",
        RuntimeVersionArn: RUNTIME_VERSION,
      }),
    );
    expect(manual).toMatchObject({
      UpdateRuntimeOn: "Manual",
      RuntimeVersionArn: RUNTIME_VERSION,
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:runtime-fn",
    });
    const got = await t.client.send(
      new GetRuntimeManagementConfigCommand({ FunctionName: "runtime-fn", Qualifier: "$LATEST" }),
    );
    expect(got).toMatchObject({ UpdateRuntimeOn: "Manual", RuntimeVersionArn: RUNTIME_VERSION });

    await t.client.send(new PublishVersionCommand({ FunctionName: "runtime-fn" }));
    const v1 = await t.client.send(
      new PutRuntimeManagementConfigCommand({
        FunctionName: "runtime-fn",
        Qualifier: "1",
        UpdateRuntimeOn: "FunctionUpdate",
      }),
    );
    expect(v1.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:runtime-fn:1");
    const gotV1 = await t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "runtime-fn:1" }));
    expect(gotV1.UpdateRuntimeOn).toBe("FunctionUpdate");
    expect(gotV1.RuntimeVersionArn).toBeUndefined();
    // $LATEST keeps its own setting.
    const latest = await t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "runtime-fn" }));
    expect(latest.UpdateRuntimeOn).toBe("Manual");

    const back = await t.client.send(
      new PutRuntimeManagementConfigCommand({ FunctionName: "runtime-fn", UpdateRuntimeOn: "Auto" }),
    );
    expect(back.RuntimeVersionArn).toBeUndefined();
  });

  it("answers the documented errors", async () => {
    const noArn = await errorOf(() =>
      t.client.send(new PutRuntimeManagementConfigCommand({ FunctionName: "settings", UpdateRuntimeOn: "Manual" })),
    );
    expect(noArn.name).toBe("InvalidParameterValueException");
    expect(noArn.$metadata?.httpStatusCode).toBe(400);
    const arnWithAuto = await errorOf(() =>
      t.client.send(
        new PutRuntimeManagementConfigCommand({
          FunctionName: "settings",
          UpdateRuntimeOn: "Auto",
          RuntimeVersionArn: RUNTIME_VERSION,
        }),
      ),
    );
    expect(arnWithAuto.name).toBe("InvalidParameterValueException");
    const badMode = await errorOf(() =>
      t.client.send(
        new PutRuntimeManagementConfigCommand({ FunctionName: "settings", UpdateRuntimeOn: "Never" as never }),
      ),
    );
    expect(badMode.message).toMatch(/updateRuntimeOn/);
    const badArn = await errorOf(() =>
      t.client.send(
        new PutRuntimeManagementConfigCommand({
          FunctionName: "settings",
          UpdateRuntimeOn: "Manual",
          RuntimeVersionArn: "arn:aws:lambda:us-east-1:000000000000:function:x",
        }),
      ),
    );
    expect(badArn.message).toMatch(/runtimeVersionArn/);
    const otherRegion = await errorOf(() =>
      t.client.send(
        new PutRuntimeManagementConfigCommand({
          FunctionName: "settings",
          UpdateRuntimeOn: "Manual",
          RuntimeVersionArn: RUNTIME_VERSION.replace("us-east-1", "eu-west-1"),
        }),
      ),
    );
    expect(otherRegion.name).toBe("InvalidParameterValueException");
    const ghost = await errorOf(() => t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "ghost" })));
    expect(ghost.name).toBe("ResourceNotFoundException");
    expect(ghost.message).toBe(GHOST);
    const noVersion = await errorOf(() =>
      t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "settings", Qualifier: "42" })),
    );
    expect(noVersion.name).toBe("ResourceNotFoundException");
    const alias = await errorOf(() =>
      t.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "settings", Qualifier: "prod" })),
    );
    expect(alias.name).toBe("InvalidParameterValueException");
  });
});

describe("persistence", () => {
  it("keeps settings across a restart", async () => {
    let p = await startEmulator();
    try {
      await p.client.send(
        new CreateFunctionCommand({
          FunctionName: "kept",
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
        }),
      );
      await waitActive(p.client, "kept");
      await p.client.send(new PutFunctionRecursionConfigCommand({ FunctionName: "kept", RecursiveLoop: "Allow" }));
      await p.client.send(
        new PutRuntimeManagementConfigCommand({
          FunctionName: "kept",
          UpdateRuntimeOn: "Manual",
          RuntimeVersionArn: RUNTIME_VERSION,
        }),
      );
      // A configuration update leaves the settings alone.
      await p.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: "kept", Timeout: 10 }));
      await waitUpdated(p.client, "kept");
      p.client.destroy();
      p = await p.restart();
      const recursion = await p.client.send(new GetFunctionRecursionConfigCommand({ FunctionName: "kept" }));
      expect(recursion.RecursiveLoop).toBe("Allow");
      const runtime = await p.client.send(new GetRuntimeManagementConfigCommand({ FunctionName: "kept" }));
      expect(runtime).toMatchObject({ UpdateRuntimeOn: "Manual", RuntimeVersionArn: RUNTIME_VERSION });
    } finally {
      await p.dispose();
    }
  });
});
