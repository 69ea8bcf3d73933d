/** Contract: layers and layer version policies, driven with the real SDK. */
import { createHash } from "node:crypto";
import {
  AddLayerVersionPermissionCommand,
  CreateFunctionCommand,
  DeleteLayerVersionCommand,
  GetFunctionCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  GetLayerVersionPolicyCommand,
  InvokeCommand,
  ListLayersCommand,
  ListLayerVersionsCommand,
  PublishLayerVersionCommand,
  RemoveLayerVersionPermissionCommand,
  type PublishLayerVersionCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, zipOf, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

const ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:layer:";
const content = zipOf({ "nodejs/node_modules/greet/index.js": "module.exports = () => 'hi';" });

function publish(name: string, extra: Partial<PublishLayerVersionCommandInput> = {}) {
  return t.client.send(new PublishLayerVersionCommand({ LayerName: name, Content: { ZipFile: content }, ...extra }));
}

describe("PublishLayerVersion", () => {
  it("publishes numbered versions with content hash, size, ARNs and the service's date format", async () => {
    const v1 = await publish("pub", {
      Description: "first",
      LicenseInfo: "MIT",
      CompatibleRuntimes: ["nodejs20.x", "nodejs22.x"],
      CompatibleArchitectures: ["x86_64", "arm64"],
    });
    expect(v1.$metadata.httpStatusCode).toBe(201);
    expect(v1).toMatchObject({
      LayerArn: `${ARN_PREFIX}pub`,
      LayerVersionArn: `${ARN_PREFIX}pub:1`,
      Version: 1,
      Description: "first",
      LicenseInfo: "MIT",
      CompatibleRuntimes: ["nodejs20.x", "nodejs22.x"],
      CompatibleArchitectures: ["x86_64", "arm64"],
      Content: {
        CodeSha256: createHash("sha256").update(content).digest("base64"),
        CodeSize: content.length,
      },
    });
    expect(v1.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(v1).not.toHaveProperty("ContentHash");

    const v2 = await publish("pub");
    expect(v2.Version).toBe(2);
    expect(v2.Description).toBe("");
    expect(v2.CompatibleRuntimes).toBeUndefined();
  });

  it("serves the zip at Content.Location without credentials", async () => {
    const v = await publish("download");
    const res = await fetch(v.Content?.Location ?? "");
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(content))).toBe(true);
  });

  it("never reuses a version number, even after every version is deleted", async () => {
    await publish("reuse");
    await publish("reuse");
    await t.client.send(new DeleteLayerVersionCommand({ LayerName: "reuse", VersionNumber: 1 }));
    await t.client.send(new DeleteLayerVersionCommand({ LayerName: "reuse", VersionNumber: 2 }));
    expect((await publish("reuse")).Version).toBe(3);
  });

  it("accepts the layer ARN as LayerName", async () => {
    const v = await publish(`${ARN_PREFIX}by-arn`);
    expect(v.LayerVersionArn).toBe(`${ARN_PREFIX}by-arn:1`);
  });

  it("explains that S3 content is not available offline", async () => {
    const e = await errorOf(() =>
      t.client.send(
        new PublishLayerVersionCommand({ LayerName: "s3", Content: { S3Bucket: "my-bucket", S3Key: "layer.zip" } }),
      ),
    );
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.message).toMatch(/no S3/);
  });

  it("rejects a file that is not a zip, and an empty upload", async () => {
    const bad = await errorOf(() => publish("bad", { Content: { ZipFile: new TextEncoder().encode("not a zip") } }));
    expect(bad.name).toBe("InvalidParameterValueException");
    expect(bad.message).toMatch(/Could not unzip/);
    const empty = await errorOf(() => publish("empty", { Content: { ZipFile: new Uint8Array() } }));
    expect(empty.name).toBe("InvalidParameterValueException");
    expect(empty.$metadata?.httpStatusCode).toBe(400);
  });

  it("enforces the reference's limits on runtimes and architectures", async () => {
    const tooMany = await errorOf(() =>
      publish("limits", {
        CompatibleRuntimes: [
          "nodejs18.x",
          "nodejs20.x",
          "nodejs22.x",
          "nodejs24.x",
          "python3.9",
          "python3.10",
          "python3.11",
          "python3.12",
          "python3.13",
          "python3.14",
          "java11",
          "java17",
          "java21",
          "ruby3.3",
          "ruby3.4",
          "provided.al2023",
        ],
      }),
    );
    expect(tooMany.name).toBe("InvalidParameterValueException");
    expect(tooMany.message).toMatch(/compatibleRuntimes/);
    const badArch = await errorOf(() =>
      publish("limits", { CompatibleArchitectures: ["x86_64", "arm64", "arm64"] as never }),
    );
    expect(badArch.name).toBe("InvalidParameterValueException");
    expect(badArch.message).toMatch(/compatibleArchitectures/);
    // arn:aws:lambda:us-east-1:000000000000:layer: is 44 characters; the version ARN may have 140.
    expect((await publish("n".repeat(94))).LayerVersionArn).toHaveLength(140);
    const long = await errorOf(() => publish("n".repeat(95)));
    expect(long.name).toBe("InvalidParameterValueException");
    expect(long.message).toMatch(/too long/);
    const badRuntime = await errorOf(() => publish("limits", { CompatibleRuntimes: ["cobol"] as never }));
    expect(badRuntime.message).toMatch(/compatibleRuntimes\.member\.1/);
  });
});

describe("GetLayerVersion / GetLayerVersionByArn", () => {
  it("reads a version by name, by layer ARN and by version ARN", async () => {
    const v = await publish("get", { Description: "d" });
    const byName = await t.client.send(new GetLayerVersionCommand({ LayerName: "get", VersionNumber: 1 }));
    expect(byName).toMatchObject({
      LayerVersionArn: v.LayerVersionArn,
      Description: "d",
      Content: v.Content && { CodeSha256: v.Content.CodeSha256 },
    });
    expect(byName.Content?.Location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/code\/[0-9a-f]{64}\.zip\?/);
    const byLayerArn = await t.client.send(
      new GetLayerVersionCommand({ LayerName: `${ARN_PREFIX}get`, VersionNumber: 1 }),
    );
    expect(byLayerArn.Version).toBe(1);
    const byArn = await t.client.send(new GetLayerVersionByArnCommand({ Arn: `${ARN_PREFIX}get:1` }));
    expect(byArn.LayerVersionArn).toBe(`${ARN_PREFIX}get:1`);
  });

  it("answers 404 for missing versions and layers, other accounts, and 400 below version 1", async () => {
    for (const call of [
      () => t.client.send(new GetLayerVersionCommand({ LayerName: "nope", VersionNumber: 1 })),
      () => t.client.send(new GetLayerVersionByArnCommand({ Arn: `${ARN_PREFIX}nope:3` })),
      () =>
        t.client.send(new GetLayerVersionByArnCommand({ Arn: "arn:aws:lambda:us-east-1:111111111111:layer:get:1" })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toBe("The resource you requested does not exist.");
    }
    const zero = await errorOf(() => t.client.send(new GetLayerVersionCommand({ LayerName: "get", VersionNumber: 0 })));
    expect(zero.name).toBe("InvalidParameterValueException");
    expect(zero.message).toBe("Layer Version Cannot be less than 1");
    const badArn = await errorOf(() => t.client.send(new GetLayerVersionByArnCommand({ Arn: "arn:aws:lambda:x" })));
    expect(badArn.name).toBe("InvalidParameterValueException");
    expect(badArn.message).toMatch(/'arn'/);
  });
});

describe("ListLayers / ListLayerVersions", () => {
  let list: TestEmulator;
  beforeAll(async () => {
    list = await startEmulator();
  });
  afterAll(async () => {
    await list.dispose();
  });
  const pub = (name: string, extra: Partial<PublishLayerVersionCommandInput> = {}) =>
    list.client.send(new PublishLayerVersionCommand({ LayerName: name, Content: { ZipFile: content }, ...extra }));

  it("lists each layer with its latest version matching the runtime and architecture filters", async () => {
    await pub("mixed", { CompatibleRuntimes: ["nodejs20.x"], CompatibleArchitectures: ["x86_64"] });
    await pub("mixed", { CompatibleRuntimes: ["python3.12"], CompatibleArchitectures: ["arm64"] });
    await pub("node-only", { CompatibleRuntimes: ["nodejs20.x"], CompatibleArchitectures: ["arm64"] });

    const all = await list.client.send(new ListLayersCommand({}));
    expect(all.Layers?.map((l) => [l.LayerName, l.LatestMatchingVersion?.Version])).toEqual([
      ["mixed", 2],
      ["node-only", 1],
    ]);
    expect(all.Layers?.[0]).toMatchObject({
      LayerArn: `${ARN_PREFIX}mixed`,
      LatestMatchingVersion: { LayerVersionArn: `${ARN_PREFIX}mixed:2`, CompatibleRuntimes: ["python3.12"] },
    });

    const node = await list.client.send(new ListLayersCommand({ CompatibleRuntime: "nodejs20.x" }));
    expect(node.Layers?.map((l) => [l.LayerName, l.LatestMatchingVersion?.Version])).toEqual([
      ["mixed", 1],
      ["node-only", 1],
    ]);
    const nodeArm = await list.client.send(
      new ListLayersCommand({ CompatibleRuntime: "nodejs20.x", CompatibleArchitecture: "arm64" }),
    );
    expect(nodeArm.Layers?.map((l) => l.LayerName)).toEqual(["node-only"]);
    const none = await list.client.send(new ListLayersCommand({ CompatibleRuntime: "java21" }));
    expect(none.Layers).toEqual([]);

    const versions = await list.client.send(new ListLayerVersionsCommand({ LayerName: "mixed" }));
    expect(versions.LayerVersions?.map((v) => v.Version)).toEqual([2, 1]);
    const armVersions = await list.client.send(
      new ListLayerVersionsCommand({ LayerName: "mixed", CompatibleArchitecture: "arm64" }),
    );
    expect(armVersions.LayerVersions?.map((v) => v.Version)).toEqual([2]);
    const unknown = await list.client.send(new ListLayerVersionsCommand({ LayerName: "never-published" }));
    expect(unknown.LayerVersions).toEqual([]);
  });

  it("pages layers stably while layers are published between pages", async () => {
    for (const n of ["p-b", "p-d", "p-f", "p-h"]) await pub(n);
    const seen: string[] = [];
    let marker: string | undefined;
    let inserted = false;
    do {
      const page = await list.client.send(new ListLayersCommand({ MaxItems: 2, Marker: marker }));
      expect(page.Layers?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.Layers ?? []).map((l) => l.LayerName ?? ""));
      marker = page.NextMarker;
      if (!inserted) {
        // One layer sorts before the marker (not returned), one after it (returned later).
        await pub("a-early");
        await pub("zz-late");
        inserted = true;
      }
    } while (marker);
    expect(seen).toEqual(["mixed", "node-only", "p-b", "p-d", "p-f", "p-h", "zz-late"]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("pages layer versions newest first while versions are published between pages", async () => {
    for (let i = 0; i < 5; i++) await pub("paged");
    const first = await list.client.send(new ListLayerVersionsCommand({ LayerName: "paged", MaxItems: 2 }));
    expect(first.LayerVersions?.map((v) => v.Version)).toEqual([5, 4]);
    await pub("paged"); // version 6 sorts before the marker
    const rest: number[] = [];
    let marker = first.NextMarker;
    while (marker) {
      const page = await list.client.send(
        new ListLayerVersionsCommand({ LayerName: "paged", MaxItems: 2, Marker: marker }),
      );
      rest.push(...(page.LayerVersions ?? []).map((v) => v.Version ?? 0));
      marker = page.NextMarker;
    }
    expect(rest).toEqual([3, 2, 1]);
  });

  it("rejects a marker it did not issue and MaxItems above 50", async () => {
    const bad = await errorOf(() => list.client.send(new ListLayersCommand({ Marker: "garbage" })));
    expect(bad.name).toBe("InvalidParameterValueException");
    expect(bad.$metadata?.httpStatusCode).toBe(400);
    const big = await errorOf(() => list.client.send(new ListLayersCommand({ MaxItems: 51 })));
    expect(big.name).toBe("InvalidParameterValueException");
    expect(big.message).toMatch(/maxItems/);
  });
});

describe("DeleteLayerVersion", () => {
  it("is idempotent, hides the version, and keeps it working for functions that use it", async () => {
    const v = await publish("shared-lib");
    const arn = v.LayerVersionArn ?? "";
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: "uses-layer",
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Role: ROLE,
        Code: { ZipFile: nodeZip("exports.handler = async () => require('greet')();") },
        Layers: [arn],
      }),
    );
    await waitActive(t.client, "uses-layer");
    // The runtime mounts the layer's content (its stand-in for /opt): the function requires a layer module.
    const out = await t.client.send(new InvokeCommand({ FunctionName: "uses-layer" }));
    expect(out.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(out.Payload ?? []).toString())).toBe("hi");

    const deleted = await t.client.send(new DeleteLayerVersionCommand({ LayerName: "shared-lib", VersionNumber: 1 }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const again = await t.client.send(new DeleteLayerVersionCommand({ LayerName: "shared-lib", VersionNumber: 1 }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    const missing = await t.client.send(new DeleteLayerVersionCommand({ LayerName: "never", VersionNumber: 9 }));
    expect(missing.$metadata.httpStatusCode).toBe(204);

    const gone = await errorOf(() =>
      t.client.send(new GetLayerVersionCommand({ LayerName: "shared-lib", VersionNumber: 1 })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");

    const fn = await t.client.send(new GetFunctionCommand({ FunctionName: "uses-layer" }));
    expect(fn.Configuration?.Layers).toEqual([{ Arn: arn, CodeSize: content.length }]);
    // The runtime still finds the content of the deleted version.
    const kept = t.emulator.ctx.resources.get<{ ContentHash: string }>(KIND.layerContent, arn);
    expect(kept?.ContentHash).toBe(createHash("sha256").update(content).digest("hex"));
    expect(t.emulator.ctx.code.has(kept?.ContentHash ?? "")).toBe(true);

    // A deleted version cannot be added to new functions.
    const refused = await errorOf(() =>
      t.client.send(
        new CreateFunctionCommand({
          FunctionName: "late-user",
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
          Layers: [arn],
        }),
      ),
    );
    expect(refused.name).toBe("InvalidParameterValueException");
  });
});

describe("Layer version permissions", () => {
  it("adds statements as the service writes them, reads and removes the policy", async () => {
    const v = await publish("shared");
    const arn = v.LayerVersionArn;
    const added = await t.client.send(
      new AddLayerVersionPermissionCommand({
        LayerName: "shared",
        VersionNumber: 1,
        StatementId: "xaccount",
        Action: "lambda:GetLayerVersion",
        Principal: "210987654321",
      }),
    );
    expect(added.$metadata.httpStatusCode).toBe(201);
    expect(JSON.parse(added.Statement ?? "")).toEqual({
      Sid: "xaccount",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::210987654321:root" },
      Action: "lambda:GetLayerVersion",
      Resource: arn,
    });
    const org = await t.client.send(
      new AddLayerVersionPermissionCommand({
        LayerName: "shared",
        VersionNumber: 1,
        StatementId: "org",
        Action: "lambda:GetLayerVersion",
        Principal: "*",
        OrganizationId: "o-abcdefghij",
        RevisionId: added.RevisionId,
      }),
    );
    expect(JSON.parse(org.Statement ?? "")).toMatchObject({
      Principal: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } },
    });
    expect(org.RevisionId).not.toBe(added.RevisionId);

    const policy = await t.client.send(new GetLayerVersionPolicyCommand({ LayerName: "shared", VersionNumber: 1 }));
    expect(policy.RevisionId).toBe(org.RevisionId);
    const doc = JSON.parse(policy.Policy ?? "") as { Version: string; Statement: { Sid: string }[] };
    expect(doc.Version).toBe("2012-10-17");
    expect(doc.Statement.map((s) => s.Sid)).toEqual(["xaccount", "org"]);

    const removed = await t.client.send(
      new RemoveLayerVersionPermissionCommand({ LayerName: "shared", VersionNumber: 1, StatementId: "xaccount" }),
    );
    expect(removed.$metadata.httpStatusCode).toBe(204);
    await t.client.send(
      new RemoveLayerVersionPermissionCommand({ LayerName: "shared", VersionNumber: 1, StatementId: "org" }),
    );
    const none = await errorOf(() =>
      t.client.send(new GetLayerVersionPolicyCommand({ LayerName: "shared", VersionNumber: 1 })),
    );
    expect(none.name).toBe("ResourceNotFoundException");
    expect(none.message).toBe("No policy is associated with the given resource.");
  });

  it("answers the documented errors", async () => {
    await publish("guarded");
    const add = (extra: Partial<ConstructorParameters<typeof AddLayerVersionPermissionCommand>[0]> = {}) =>
      t.client.send(
        new AddLayerVersionPermissionCommand({
          LayerName: "guarded",
          VersionNumber: 1,
          StatementId: "s1",
          Action: "lambda:GetLayerVersion",
          Principal: "*",
          ...extra,
        }),
      );
    await add();
    const dup = await errorOf(() => add());
    expect(dup.name).toBe("ResourceConflictException");
    expect(dup.$metadata?.httpStatusCode).toBe(409);
    const stale = await errorOf(() => add({ StatementId: "s2", RevisionId: "00000000-0000-0000-0000-000000000000" }));
    expect(stale.name).toBe("PreconditionFailedException");
    expect(stale.$metadata?.httpStatusCode).toBe(412);
    const missingVersion = await errorOf(() => add({ VersionNumber: 7, StatementId: "s3" }));
    expect(missingVersion.name).toBe("ResourceNotFoundException");
    expect(missingVersion.message).toBe(`Layer version ${ARN_PREFIX}guarded:7 does not exist.`);
    const badAction = await errorOf(() => add({ StatementId: "s4", Action: "lambda:InvokeFunction" }));
    expect(badAction.name).toBe("InvalidParameterValueException");
    expect(badAction.message).toMatch(/'action'/);
    const orgWithAccount = await errorOf(() =>
      add({ StatementId: "s5", Principal: "123456789012", OrganizationId: "o-abcdefghij" }),
    );
    expect(orgWithAccount.name).toBe("InvalidParameterValueException");
    const noStatement = await errorOf(() =>
      t.client.send(
        new RemoveLayerVersionPermissionCommand({ LayerName: "guarded", VersionNumber: 1, StatementId: "zz" }),
      ),
    );
    expect(noStatement.name).toBe("ResourceNotFoundException");
    expect(noStatement.message).toBe("Statement zz is not found in resource policy.");
    const staleRemove = await errorOf(() =>
      t.client.send(
        new RemoveLayerVersionPermissionCommand({
          LayerName: "guarded",
          VersionNumber: 1,
          StatementId: "s1",
          RevisionId: "x",
        }),
      ),
    );
    expect(staleRemove.name).toBe("PreconditionFailedException");
    const tooBig = await errorOf(async () => {
      for (let i = 0; i < 200; i++) await add({ StatementId: `bulk-${i}-${"x".repeat(80)}` });
    });
    expect(tooBig.name).toBe("PolicyLengthExceededException");
    expect(tooBig.$metadata?.httpStatusCode).toBe(400);
  });
});

describe("persistence", () => {
  it("keeps layers, versions, policies and the version counter across a restart", async () => {
    let p = await startEmulator();
    try {
      await p.client.send(new PublishLayerVersionCommand({ LayerName: "durable", Content: { ZipFile: content } }));
      await p.client.send(
        new AddLayerVersionPermissionCommand({
          LayerName: "durable",
          VersionNumber: 1,
          StatementId: "all",
          Action: "lambda:GetLayerVersion",
          Principal: "*",
        }),
      );
      p.client.destroy();
      p = await p.restart();
      const restarted = p;
      const v = await restarted.client.send(new GetLayerVersionCommand({ LayerName: "durable", VersionNumber: 1 }));
      expect(v.Content?.CodeSize).toBe(content.length);
      const res = await fetch(v.Content?.Location ?? "");
      expect(res.status).toBe(200);
      const policy = await restarted.client.send(
        new GetLayerVersionPolicyCommand({ LayerName: "durable", VersionNumber: 1 }),
      );
      expect(policy.Policy).toContain('"Sid":"all"');
      const next = await restarted.client.send(
        new PublishLayerVersionCommand({ LayerName: "durable", Content: { ZipFile: content } }),
      );
      expect(next.Version).toBe(2);
    } finally {
      await p.dispose();
    }
  });
});
