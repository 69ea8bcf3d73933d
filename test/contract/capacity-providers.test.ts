/** Contract: capacity providers (Lambda Managed Instances control plane), driven with the real SDK. */
import {
  CreateCapacityProviderCommand,
  CreateFunctionCommand,
  DeleteCapacityProviderCommand,
  DeleteFunctionCommand,
  GetCapacityProviderCommand,
  ListCapacityProvidersCommand,
  ListFunctionVersionsByCapacityProviderCommand,
  ListTagsCommand,
  PublishVersionCommand,
  UpdateCapacityProviderCommand,
  UpdateFunctionConfigurationCommand,
  type CreateCapacityProviderCommandInput,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, waitUpdated, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

const ARN = (name: string) => `arn:aws:lambda:us-east-1:000000000000:capacity-provider:${name}`;
const OPERATOR = "arn:aws:iam::000000000000:role/LambdaOperator";

const createProvider = (
  name: string,
  extra: Partial<CreateCapacityProviderCommandInput> = {},
  client: LambdaClient = t.client,
) =>
  client.send(
    new CreateCapacityProviderCommand({
      CapacityProviderName: name,
      VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"], SecurityGroupIds: ["sg-0123456789abcdef0"] },
      PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR },
      ...extra,
    }),
  );

const stateOf = async (name: string, client: LambdaClient = t.client) =>
  (await client.send(new GetCapacityProviderCommand({ CapacityProviderName: name }))).CapacityProvider?.State;

const becomesActive = (name: string, client: LambdaClient = t.client) =>
  expect.poll(() => stateOf(name, client), { timeout: 5000, interval: 20 }).toBe("Active");

const becomesGone = (name: string) =>
  expect
    .poll(async () => (await errorOf(() => stateOf(name))).name, { timeout: 5000, interval: 20 })
    .toBe("ResourceNotFoundException");

async function createManagedFunction(name: string, provider: string) {
  await t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: ROLE,
      MemorySize: 2048,
      Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: ARN(provider) } },
    }),
  );
  await waitActive(t.client, name);
}

describe("CreateCapacityProvider / GetCapacityProvider", () => {
  it("creates a provider Pending with defaults, which becomes Active", async () => {
    const created = await createProvider("basic", { Tags: { team: "infra" } });
    expect(created.$metadata.httpStatusCode).toBe(202);
    expect(created.CapacityProvider).toMatchObject({
      CapacityProviderArn: ARN("basic"),
      State: "Pending",
      VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"], SecurityGroupIds: ["sg-0123456789abcdef0"] },
      PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR },
      InstanceRequirements: { Architectures: ["x86_64"] },
      CapacityProviderScalingConfig: { ScalingMode: "Auto" },
    });
    expect(created.CapacityProvider?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    await becomesActive("basic");
    const byArn = await t.client.send(new GetCapacityProviderCommand({ CapacityProviderName: ARN("basic") }));
    expect(byArn.CapacityProvider?.State).toBe("Active");
    const tags = await t.client.send(new ListTagsCommand({ Resource: ARN("basic") }));
    expect(tags.Tags).toEqual({ team: "infra" });
  });

  it("keeps every given setting", async () => {
    const created = await createProvider("full", {
      InstanceRequirements: { Architectures: ["arm64"], AllowedInstanceTypes: ["m7g.large", "c7g.xlarge"] },
      CapacityProviderScalingConfig: {
        ScalingMode: "Manual",
        MaxVCpuCount: 64,
        ScalingPolicies: [{ PredefinedMetricType: "LambdaCapacityProviderAverageCPUUtilization", TargetValue: 60 }],
      },
      KmsKeyArn: "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      PropagateTags: { Mode: "Explicit", ExplicitTags: { owner: "me" } },
    });
    expect(created.CapacityProvider).toMatchObject({
      InstanceRequirements: { Architectures: ["arm64"], AllowedInstanceTypes: ["m7g.large", "c7g.xlarge"] },
      CapacityProviderScalingConfig: {
        ScalingMode: "Manual",
        MaxVCpuCount: 64,
        ScalingPolicies: [{ PredefinedMetricType: "LambdaCapacityProviderAverageCPUUtilization", TargetValue: 60 }],
      },
      KmsKeyArn: "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      PropagateTags: { Mode: "Explicit", ExplicitTags: { owner: "me" } },
    });
  });

  it("answers the documented errors", async () => {
    await createProvider("taken");
    const dup = await errorOf(() => createProvider("taken"));
    expect(dup.name).toBe("ResourceConflictException");
    expect(dup.$metadata?.httpStatusCode).toBe(409);

    const noSubnets = await errorOf(() =>
      createProvider("bad", { VpcConfig: { SubnetIds: [], SecurityGroupIds: [] } }),
    );
    expect(noSubnets.name).toBe("InvalidParameterValueException");
    expect(noSubnets.message).toMatch(/vpcConfig\.subnetIds/);
    const badRole = await errorOf(() =>
      createProvider("bad", { PermissionsConfig: { CapacityProviderOperatorRoleArn: "role" } }),
    );
    expect(badRole.message).toMatch(/permissionsConfig\.capacityProviderOperatorRoleArn/);
    const manual = await errorOf(() =>
      createProvider("bad", { CapacityProviderScalingConfig: { ScalingMode: "Manual" } }),
    );
    expect(manual.name).toBe("InvalidParameterValueException");
    const autoPolicies = await errorOf(() =>
      createProvider("bad", {
        CapacityProviderScalingConfig: {
          ScalingMode: "Auto",
          ScalingPolicies: [{ PredefinedMetricType: "LambdaCapacityProviderAverageCPUUtilization", TargetValue: 50 }],
        },
      }),
    );
    expect(autoPolicies.name).toBe("InvalidParameterValueException");
    const both = await errorOf(() =>
      createProvider("bad", {
        InstanceRequirements: {
          Architectures: ["x86_64"],
          AllowedInstanceTypes: ["m7i.large"],
          ExcludedInstanceTypes: ["c7i.large"],
        },
      }),
    );
    expect(both.name).toBe("InvalidParameterValueException");
    const vcpu = await errorOf(() => createProvider("bad", { CapacityProviderScalingConfig: { MaxVCpuCount: 1 } }));
    expect(vcpu.message).toMatch(/capacityProviderScalingConfig\.maxVCpuCount/);

    for (const name of ["missing", "arn:aws:lambda:us-east-1:111111111111:capacity-provider:taken"]) {
      const e = await errorOf(() => t.client.send(new GetCapacityProviderCommand({ CapacityProviderName: name })));
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
    }
  });

  it("refuses more than the account's 1000 capacity providers", async () => {
    const p = await startEmulator();
    try {
      // Fill the store directly: a thousand API round trips would only slow the test down.
      const ctx = p.emulator.ctx;
      ctx.resources.transaction(() => {
        for (let i = 0; i < 999; i++) {
          ctx.resources.insert(KIND.capacityProvider, `filler-${i}`, {
            CapacityProviderArn: ARN(`filler-${i}`),
            State: "Active",
            LastModified: "2024-01-01T00:00:00.000+0000",
          });
        }
      });
      await createProvider("the-1000th", {}, p.client);
      const over = await errorOf(() => createProvider("one-too-many", {}, p.client));
      expect(over.name).toBe("CapacityProviderLimitExceededException");
      expect(over.$metadata?.httpStatusCode).toBe(400);
    } finally {
      await p.dispose();
    }
  });
});

describe("UpdateCapacityProvider", () => {
  it("updates scaling and tag propagation with 202", async () => {
    await createProvider("upd");
    await becomesActive("upd");
    const updated = await t.client.send(
      new UpdateCapacityProviderCommand({
        CapacityProviderName: "upd",
        CapacityProviderScalingConfig: { ScalingMode: "Auto", MaxVCpuCount: 32 },
        PropagateTags: { Mode: "None" },
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated.CapacityProvider).toMatchObject({
      State: "Active",
      CapacityProviderScalingConfig: { ScalingMode: "Auto", MaxVCpuCount: 32 },
      PropagateTags: { Mode: "None" },
      VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"] },
    });
    const missing = await errorOf(() =>
      t.client.send(
        new UpdateCapacityProviderCommand({ CapacityProviderName: "nope", PropagateTags: { Mode: "None" } }),
      ),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("refuses updates and repeated deletes while a transition is in progress", async () => {
    const slow = await startEmulator({ stateTransitionMs: 60_000 });
    try {
      await createProvider("slow", {}, slow.client);
      const e = await errorOf(() =>
        slow.client.send(
          new UpdateCapacityProviderCommand({ CapacityProviderName: "slow", PropagateTags: { Mode: "None" } }),
        ),
      );
      expect(e.name).toBe("ResourceConflictException");
      expect(e.$metadata?.httpStatusCode).toBe(409);
      const deleting = await slow.client.send(new DeleteCapacityProviderCommand({ CapacityProviderName: "slow" }));
      expect(deleting.CapacityProvider?.State).toBe("Deleting");
      const again = await errorOf(() =>
        slow.client.send(new DeleteCapacityProviderCommand({ CapacityProviderName: "slow" })),
      );
      expect(again.name).toBe("ResourceConflictException");
    } finally {
      await slow.dispose();
    }
  });
});

describe("functions on a capacity provider", () => {
  it("lists the function versions that use a provider and refuses to delete it while used", async () => {
    await createProvider("fleet");
    await becomesActive("fleet");
    await createManagedFunction("on-fleet", "fleet");
    await t.client.send(new PublishVersionCommand({ FunctionName: "on-fleet" }));

    const listed = await t.client.send(
      new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName: "fleet" }),
    );
    expect(listed.CapacityProviderArn).toBe(ARN("fleet"));
    expect(listed.FunctionVersions).toEqual([
      { FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:on-fleet:$LATEST", State: "Active" },
      { FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:on-fleet:1", State: expect.any(String) },
    ]);
    const page = await t.client.send(
      new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName: "fleet", MaxItems: 1 }),
    );
    expect(page.FunctionVersions).toHaveLength(1);
    const next = await t.client.send(
      new ListFunctionVersionsByCapacityProviderCommand({
        CapacityProviderName: "fleet",
        MaxItems: 1,
        Marker: page.NextMarker,
      }),
    );
    expect(next.FunctionVersions?.[0]?.FunctionArn).toMatch(/:on-fleet:1$/);
    expect(next.NextMarker).toBeUndefined();

    const used = await errorOf(() =>
      t.client.send(new DeleteCapacityProviderCommand({ CapacityProviderName: "fleet" })),
    );
    expect(used.name).toBe("ResourceConflictException");
    expect(used.$metadata?.httpStatusCode).toBe(409);

    await t.client.send(new DeleteFunctionCommand({ FunctionName: "on-fleet" }));
    const deleting = await t.client.send(new DeleteCapacityProviderCommand({ CapacityProviderName: "fleet" }));
    expect(deleting.$metadata.httpStatusCode).toBe(202);
    expect(deleting.CapacityProvider?.State).toBe("Deleting");
    await becomesGone("fleet");

    const listMissing = await errorOf(() =>
      t.client.send(new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName: "fleet" })),
    );
    expect(listMissing.name).toBe("ResourceNotFoundException");
  });

  it("checks CapacityProviderConfig references on CreateFunction and UpdateFunctionConfiguration", async () => {
    const refused = await errorOf(() => createManagedFunction("orphan", "does-not-exist"));
    expect(refused.name).toBe("InvalidParameterValueException");
    expect(refused.message).toContain(ARN("does-not-exist"));

    await createProvider("target");
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: "plain-fn",
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Role: ROLE,
        Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      }),
    );
    await waitActive(t.client, "plain-fn");
    const bad = await errorOf(() =>
      t.client.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "plain-fn",
          CapacityProviderConfig: {
            LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: ARN("nope") },
          },
        }),
      ),
    );
    expect(bad.name).toBe("InvalidParameterValueException");
    const ok = await t.client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "plain-fn",
        CapacityProviderConfig: {
          LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: ARN("target") },
        },
      }),
    );
    expect(ok.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn).toBe(
      ARN("target"),
    );
    await waitUpdated(t.client, "plain-fn");
    const listed = await t.client.send(
      new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName: "target" }),
    );
    expect(listed.FunctionVersions?.map((v) => v.FunctionArn)).toEqual([
      "arn:aws:lambda:us-east-1:000000000000:function:plain-fn:$LATEST",
    ]);
  });
});

describe("ListCapacityProviders", () => {
  it("filters by state and pages stably while providers are created", async () => {
    const p = await startEmulator({ stateTransitionMs: 60_000 });
    try {
      for (const n of ["a", "b", "c", "d", "e"]) await createProvider(n, {}, p.client);
      const pending = await p.client.send(new ListCapacityProvidersCommand({ State: "Pending" }));
      expect(pending.CapacityProviders?.map((c) => c.CapacityProviderArn)).toEqual(["a", "b", "c", "d", "e"].map(ARN));
      const active = await p.client.send(new ListCapacityProvidersCommand({ State: "Active" }));
      expect(active.CapacityProviders).toEqual([]);

      const seen: string[] = [];
      let marker: string | undefined;
      let added = false;
      do {
        const page = await p.client.send(new ListCapacityProvidersCommand({ MaxItems: 2, Marker: marker }));
        seen.push(...(page.CapacityProviders ?? []).map((c) => c.CapacityProviderArn ?? ""));
        marker = page.NextMarker;
        if (!added) {
          await createProvider("late", {}, p.client);
          added = true;
        }
      } while (marker);
      expect(seen).toEqual(["a", "b", "c", "d", "e", "late"].map(ARN));
      const bad = await errorOf(() => p.client.send(new ListCapacityProvidersCommand({ Marker: "nope" })));
      expect(bad.name).toBe("InvalidParameterValueException");
      const big = await errorOf(() => p.client.send(new ListCapacityProvidersCommand({ MaxItems: 51 })));
      expect(big.name).toBe("InvalidParameterValueException");
    } finally {
      await p.dispose();
    }
  });
});

describe("persistence", () => {
  it("keeps providers across a restart and finishes a pending transition", async () => {
    const slow = await startEmulator({ stateTransitionMs: 60_000 });
    await createProvider("kept", { Tags: { a: "b" } }, slow.client);
    slow.client.destroy();
    await slow.stop();
    const fast = await startEmulator({}, slow.dataDir);
    try {
      await becomesActive("kept", fast.client);
      const tags = await fast.client.send(new ListTagsCommand({ Resource: ARN("kept") }));
      expect(tags.Tags).toEqual({ a: "b" });
    } finally {
      await fast.dispose();
    }
  });
});
