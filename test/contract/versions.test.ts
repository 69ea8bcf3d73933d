/**
 * Contract: PublishVersion, ListVersionsByFunction, and qualifiers on GetFunction /
 * GetFunctionConfiguration / DeleteFunction, driven with the real SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { errorOf, nodeZip, ROLE, startEmulator, type TestEmulator } from "../support/emulator";
import { allPages, createFunction, publishNewVersion, settled } from "../support/control-plane";

let t: TestEmulator;
let client: LambdaClient;
const ARN = "arn:aws:lambda:us-east-1:000000000000:function";

beforeAll(async () => {
  t = await startEmulator();
  client = t.client;
});
afterAll(async () => {
  await t.dispose();
});

describe("PublishVersion", () => {
  it("publishes $LATEST as version 1 with 201 and a qualified ARN", async () => {
    await createFunction(client, "pub-basic");
    const v1 = await client.send(new PublishVersionCommand({ FunctionName: "pub-basic", Description: "first" }));
    expect(v1.$metadata.httpStatusCode).toBe(201);
    expect(v1.Version).toBe("1");
    expect(v1.FunctionArn).toBe(`${ARN}:pub-basic:1`);
    expect(v1.Description).toBe("first");
    expect(v1.State).toBe("Active");
    const latest = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "pub-basic" }));
    expect(v1.CodeSha256).toBe(latest.CodeSha256);
    expect(v1.RevisionId).not.toBe(latest.RevisionId);
  });

  it("returns the latest version instead of publishing when nothing changed", async () => {
    await createFunction(client, "pub-same");
    const first = await client.send(new PublishVersionCommand({ FunctionName: "pub-same" }));
    const again = await client.send(new PublishVersionCommand({ FunctionName: "pub-same", Description: "other" }));
    expect(again.Version).toBe(first.Version);
    expect(again.RevisionId).toBe(first.RevisionId);
    const changed = await publishNewVersion(client, "pub-same", "changed");
    expect(changed).toBe("2");
    const listed = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "pub-same" }));
    expect(listed.Versions?.map((v) => v.Version)).toEqual(["$LATEST", "1", "2"]);
  });

  it("publishes only when CodeSha256 matches $LATEST", async () => {
    await createFunction(client, "pub-sha");
    const e = await errorOf(() =>
      client.send(new PublishVersionCommand({ FunctionName: "pub-sha", CodeSha256: "not-the-hash" })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.message).toContain("CodeSHA256 (not-the-hash) is different from current CodeSHA256 in $LATEST");
    const latest = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "pub-sha" }));
    const ok = await client.send(new PublishVersionCommand({ FunctionName: "pub-sha", CodeSha256: latest.CodeSha256 }));
    expect(ok.Version).toBe("1");
  });

  it("publishes only when RevisionId matches $LATEST", async () => {
    await createFunction(client, "pub-rev");
    const e = await errorOf(() =>
      client.send(new PublishVersionCommand({ FunctionName: "pub-rev", RevisionId: "stale" })),
    );
    expect(e.name).toBe("PreconditionFailedException");
    expect(e.$metadata?.httpStatusCode).toBe(412);
    const latest = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "pub-rev" }));
    const ok = await client.send(new PublishVersionCommand({ FunctionName: "pub-rev", RevisionId: latest.RevisionId }));
    expect(ok.Version).toBe("1");
  });

  it("answers ResourceNotFoundException for a missing function", async () => {
    const e = await errorOf(() => client.send(new PublishVersionCommand({ FunctionName: "nope" })));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.$metadata?.httpStatusCode).toBe(404);
    expect(e.message).toBe(`Function not found: ${ARN}:nope`);
  });

  it("validates Description length", async () => {
    await createFunction(client, "pub-desc");
    const e = await errorOf(() =>
      client.send(new PublishVersionCommand({ FunctionName: "pub-desc", Description: "x".repeat(257) })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.message).toContain("description");
  });

  it("refuses PublishTo for a function without a capacity provider", async () => {
    await createFunction(client, "pub-to");
    const e = await errorOf(() =>
      client.send(new PublishVersionCommand({ FunctionName: "pub-to", PublishTo: "LATEST_PUBLISHED" })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
  });

  it("answers ResourceConflictException while an update is in progress", async () => {
    // A second emulator whose functions stay Pending, so the conflict is deterministic.
    const slow = await startEmulator({ stateTransitionMs: 600_000 });
    try {
      await slow.client.send(
        new CreateFunctionCommand({
          FunctionName: "pending",
          Role: ROLE,
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
        }),
      );
      const e = await errorOf(() => slow.client.send(new PublishVersionCommand({ FunctionName: "pending" })));
      expect(e.name).toBe("ResourceConflictException");
      expect(e.$metadata?.httpStatusCode).toBe(409);
    } finally {
      await slow.dispose();
    }
  });
});

describe("ListVersionsByFunction", () => {
  it("lists $LATEST first with its qualified ARN, then versions in order", async () => {
    await createFunction(client, "list-order");
    await publishNewVersion(client, "list-order", "a");
    await publishNewVersion(client, "list-order", "b");
    const listed = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "list-order" }));
    expect(listed.Versions?.map((v) => v.FunctionArn)).toEqual([
      `${ARN}:list-order:$LATEST`,
      `${ARN}:list-order:1`,
      `${ARN}:list-order:2`,
    ]);
    expect(listed.NextMarker).toBeUndefined();
  });

  it("pages with Marker/MaxItems, stable while versions are published between pages", async () => {
    await createFunction(client, "list-pages");
    for (const d of ["1", "2", "3", "4"]) await publishNewVersion(client, "list-pages", d);
    const pages = await allPages(
      async (marker) => {
        const r = await client.send(
          new ListVersionsByFunctionCommand({ FunctionName: "list-pages", MaxItems: 2, Marker: marker }),
        );
        return { items: (r.Versions ?? []).map((v) => v.Version), next: r.NextMarker };
      },
      async (index) => {
        if (index === 0) await publishNewVersion(client, "list-pages", "inserted");
      },
    );
    expect(pages).toEqual([
      ["$LATEST", "1"],
      ["2", "3"],
      ["4", "5"],
    ]);
  });

  it("returns at most 50 versions per call even when MaxItems asks for more", async () => {
    await createFunction(client, "list-cap");
    for (let i = 0; i < 50; i++) await publishNewVersion(client, "list-cap", `d${i}`);
    const first = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "list-cap", MaxItems: 1000 }));
    expect(first.Versions).toHaveLength(50);
    expect(first.NextMarker).toBeDefined();
    const second = await client.send(
      new ListVersionsByFunctionCommand({ FunctionName: "list-cap", Marker: first.NextMarker }),
    );
    expect(second.Versions?.map((v) => v.Version)).toEqual(["50"]);
  });

  it("rejects a marker it did not issue, MaxItems out of range, and missing functions", async () => {
    await createFunction(client, "list-errors");
    const marker = await errorOf(() =>
      client.send(new ListVersionsByFunctionCommand({ FunctionName: "list-errors", Marker: "garbage" })),
    );
    expect(marker.name).toBe("InvalidParameterValueException");
    const range = await errorOf(() =>
      client.send(new ListVersionsByFunctionCommand({ FunctionName: "list-errors", MaxItems: 0 })),
    );
    expect(range.name).toBe("InvalidParameterValueException");
    expect(range.message).toContain("maxItems");
    const missing = await errorOf(() => client.send(new ListVersionsByFunctionCommand({ FunctionName: "missing" })));
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });
});

describe("qualifiers on GetFunction / GetFunctionConfiguration / DeleteFunction", () => {
  it("resolves versions, aliases and $LATEST, echoing the qualifier in FunctionArn", async () => {
    await createFunction(client, "qual");
    await publishNewVersion(client, "qual", "v1");
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: "qual", ZipFile: nodeZip("exports.handler=1") }));
    await settled(client, "qual");
    await client.send(new CreateAliasCommand({ FunctionName: "qual", Name: "live", FunctionVersion: "1" }));

    const plain = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "qual" }));
    expect(plain.FunctionArn).toBe(`${ARN}:qual`);
    const latest = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: "qual", Qualifier: "$LATEST" }),
    );
    expect(latest.FunctionArn).toBe(`${ARN}:qual:$LATEST`);
    expect(latest.Version).toBe("$LATEST");
    const v1 = await client.send(new GetFunctionCommand({ FunctionName: "qual", Qualifier: "1" }));
    expect(v1.Configuration?.Version).toBe("1");
    expect(v1.Configuration?.CodeSha256).not.toBe(plain.CodeSha256);
    const alias = await client.send(new GetFunctionCommand({ FunctionName: `${ARN}:qual:live` }));
    expect(alias.Configuration?.Version).toBe("1");
    expect(alias.Configuration?.FunctionArn).toBe(`${ARN}:qual:live`);
    const aliasConfig = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "qual:live" }));
    expect(aliasConfig.Version).toBe("1");

    for (const q of ["7", "nosuchalias"]) {
      const e = await errorOf(() => client.send(new GetFunctionCommand({ FunctionName: "qual", Qualifier: q })));
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.message).toBe(`Function not found: ${ARN}:qual:${q}`);
    }
    const mismatch = await errorOf(() =>
      client.send(new GetFunctionConfigurationCommand({ FunctionName: "qual:1", Qualifier: "live" })),
    );
    expect(mismatch.name).toBe("InvalidParameterValueException");
  });

  it("deletes one version with a qualifier, refusing $LATEST and versions an alias uses", async () => {
    await createFunction(client, "del-version");
    await publishNewVersion(client, "del-version", "one");
    await publishNewVersion(client, "del-version", "two");
    await client.send(new CreateAliasCommand({ FunctionName: "del-version", Name: "keep", FunctionVersion: "2" }));

    const inUse = await errorOf(() =>
      client.send(new DeleteFunctionCommand({ FunctionName: "del-version", Qualifier: "2" })),
    );
    expect(inUse.name).toBe("ResourceConflictException");
    expect(inUse.$metadata?.httpStatusCode).toBe(409);
    const latest = await errorOf(() =>
      client.send(new DeleteFunctionCommand({ FunctionName: "del-version", Qualifier: "$LATEST" })),
    );
    expect(latest.name).toBe("InvalidParameterValueException");

    await client.send(new DeleteFunctionCommand({ FunctionName: "del-version", Qualifier: "1" }));
    const listed = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "del-version" }));
    expect(listed.Versions?.map((v) => v.Version)).toEqual(["$LATEST", "2"]);
    const gone = await errorOf(() =>
      client.send(new DeleteFunctionCommand({ FunctionName: "del-version", Qualifier: "1" })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    // Version numbers are never reused after a deletion.
    expect(await publishNewVersion(client, "del-version", "three")).toBe("3");
  });
});

it("keeps versions across a restart", async () => {
  await createFunction(client, "persist-versions");
  await publishNewVersion(client, "persist-versions", "kept");
  t = await t.restart();
  client = t.client;
  const listed = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "persist-versions" }));
  expect(listed.Versions?.map((v) => [v.Version, v.Description])).toEqual([
    ["$LATEST", "kept"],
    ["1", "kept"],
  ]);
  expect(await publishNewVersion(client, "persist-versions", "after restart")).toBe("2");
});

it("removes all versions with the function", async () => {
  await createFunction(client, "cascade-versions");
  await publishNewVersion(client, "cascade-versions", "v");
  await client.send(new DeleteFunctionCommand({ FunctionName: "cascade-versions" }));
  await createFunction(client, "cascade-versions");
  const listed = await client.send(new ListVersionsByFunctionCommand({ FunctionName: "cascade-versions" }));
  expect(listed.Versions?.map((v) => v.Version)).toEqual(["$LATEST"]);
  expect((await client.send(new PublishVersionCommand({ FunctionName: "cascade-versions" }))).Version).toBe("1");
});
