/** Contract: CreateAlias, GetAlias, UpdateAlias, DeleteAlias, ListAliases driven with the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  UpdateAliasCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import type { AliasDoc } from "../../emulator/functions/resolve";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { allPages, createFunction, publishNewVersion } from "../support/control-plane";

let t: TestEmulator;
let client: LambdaClient;
const ARN = "arn:aws:lambda:us-east-1:000000000000:function";

beforeAll(async () => {
  t = await startEmulator();
  client = t.client;
  // One function with versions 1..3 shared by the read-only checks.
  await createFunction(client, "fn");
  for (const d of ["a", "b", "c"]) await publishNewVersion(client, "fn", d);
});
afterAll(async () => {
  await t.dispose();
});

describe("CreateAlias / GetAlias", () => {
  it("creates an alias (201) and reads it back", async () => {
    const created = await client.send(
      new CreateAliasCommand({ FunctionName: "fn", Name: "prod", FunctionVersion: "1", Description: "production" }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      AliasArn: `${ARN}:fn:prod`,
      Name: "prod",
      FunctionVersion: "1",
      Description: "production",
    });
    expect(created.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.RoutingConfig).toBeUndefined();
    const read = await client.send(new GetAliasCommand({ FunctionName: `${ARN}:fn`, Name: "prod" }));
    const { $metadata: _a, ...readBody } = read;
    const { $metadata: _b, ...createdBody } = created;
    expect(readBody).toEqual(createdBody);
  });

  it("defaults Description to an empty string and accepts $LATEST", async () => {
    const created = await client.send(
      new CreateAliasCommand({ FunctionName: "fn", Name: "dev", FunctionVersion: "$LATEST" }),
    );
    expect(created.Description).toBe("");
    expect(created.FunctionVersion).toBe("$LATEST");
  });

  it("stores weighted routing in the document the invoke path reads", async () => {
    const created = await client.send(
      new CreateAliasCommand({
        FunctionName: "fn",
        Name: "canary",
        FunctionVersion: "2",
        RoutingConfig: { AdditionalVersionWeights: { "3": 0.25 } },
      }),
    );
    expect(created.RoutingConfig).toEqual({ AdditionalVersionWeights: { "3": 0.25 } });
    const doc = t.emulator.ctx.resources.get<AliasDoc>(KIND.alias, "fn:canary");
    expect(doc).toEqual({
      AliasArn: `${ARN}:fn:canary`,
      Name: "canary",
      FunctionVersion: "2",
      Description: "",
      RoutingConfig: { AdditionalVersionWeights: { "3": 0.25 } },
      RevisionId: created.RevisionId,
    });
  });

  it("answers ResourceConflictException for an existing alias", async () => {
    await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "dup", FunctionVersion: "1" }));
    const e = await errorOf(() =>
      client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "dup", FunctionVersion: "2" })),
    );
    expect(e.name).toBe("ResourceConflictException");
    expect(e.$metadata?.httpStatusCode).toBe(409);
    expect(e.message).toBe(`Alias already exists: ${ARN}:fn:dup`);
  });

  it("answers ResourceNotFoundException for a missing function, version or alias", async () => {
    const fn = await errorOf(() =>
      client.send(new CreateAliasCommand({ FunctionName: "nope", Name: "x", FunctionVersion: "1" })),
    );
    expect([fn.name, fn.$metadata?.httpStatusCode, fn.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `Function not found: ${ARN}:nope`,
    ]);
    const version = await errorOf(() =>
      client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "x", FunctionVersion: "42" })),
    );
    expect([version.name, version.message]).toEqual(["ResourceNotFoundException", `Function not found: ${ARN}:fn:42`]);
    const alias = await errorOf(() => client.send(new GetAliasCommand({ FunctionName: "fn", Name: "ghost" })));
    expect([alias.name, alias.$metadata?.httpStatusCode, alias.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `Cannot find alias arn: ${ARN}:fn:ghost`,
    ]);
  });

  it("validates the alias name and version against the reference", async () => {
    for (const [Name, FunctionVersion, field] of [
      ["123", "1", "name"],
      ["bad name", "1", "name"],
      ["x".repeat(129), "1", "name"],
      ["ok", "v1", "functionVersion"],
    ] as const) {
      const e = await errorOf(() => client.send(new CreateAliasCommand({ FunctionName: "fn", Name, FunctionVersion })));
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.$metadata?.httpStatusCode).toBe(400);
      expect(e.message).toContain(`'${field}'`);
    }
  });

  it("validates routing: one published version, not the primary, weight 0..1, never on $LATEST", async () => {
    const attempt = (FunctionVersion: string, weights: Record<string, number>) =>
      errorOf(() =>
        client.send(
          new CreateAliasCommand({
            FunctionName: "fn",
            Name: "routed",
            FunctionVersion,
            RoutingConfig: { AdditionalVersionWeights: weights },
          }),
        ),
      );
    const two = await attempt("1", { "2": 0.1, "3": 0.1 });
    expect([two.name, two.message]).toEqual([
      "InvalidParameterValueException",
      "Number of items in AdditionalVersionWeights cannot be greater than 1",
    ]);
    const heavy = await attempt("1", { "2": 1.5 });
    expect(heavy.name).toBe("InvalidParameterValueException");
    expect(heavy.message).toContain("routingConfig.additionalVersionWeights");
    const negative = await attempt("1", { "2": -0.1 });
    expect(negative.name).toBe("InvalidParameterValueException");
    const same = await attempt("1", { "1": 0.5 });
    expect([same.name, same.message]).toEqual([
      "InvalidParameterValueException",
      "Invalid function version 1. Function version 1 is already included in routing configuration.",
    ]);
    const latest = await attempt("$LATEST", { "1": 0.5 });
    expect([latest.name, latest.message]).toEqual([
      "InvalidParameterValueException",
      "$LATEST is not supported for an alias pointing to more than 1 version",
    ]);
    const unpublished = await attempt("1", { $LATEST: 0.5 });
    expect(unpublished.name).toBe("InvalidParameterValueException");
    const missing = await attempt("1", { "99": 0.5 });
    expect([missing.name, missing.$metadata?.httpStatusCode, missing.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `Function not found: ${ARN}:fn:99`,
    ]);
    // Nothing was stored by the failed attempts.
    expect(t.emulator.ctx.resources.get(KIND.alias, "fn:routed")).toBeUndefined();
  });
});

describe("UpdateAlias", () => {
  it("updates the version, description and routing, with a new RevisionId each time", async () => {
    const created = await client.send(
      new CreateAliasCommand({ FunctionName: "fn", Name: "upd", FunctionVersion: "1", Description: "d" }),
    );
    const moved = await client.send(
      new UpdateAliasCommand({
        FunctionName: "fn",
        Name: "upd",
        FunctionVersion: "2",
        RevisionId: created.RevisionId,
        RoutingConfig: { AdditionalVersionWeights: { "3": 0.5 } },
      }),
    );
    expect(moved).toMatchObject({
      FunctionVersion: "2",
      Description: "d",
      RoutingConfig: { AdditionalVersionWeights: { "3": 0.5 } },
    });
    expect(moved.RevisionId).not.toBe(created.RevisionId);
    // Routing stays when not given; an empty RoutingConfig clears it.
    const described = await client.send(new UpdateAliasCommand({ FunctionName: "fn", Name: "upd", Description: "e" }));
    expect(described.RoutingConfig).toEqual({ AdditionalVersionWeights: { "3": 0.5 } });
    const cleared = await client.send(new UpdateAliasCommand({ FunctionName: "fn", Name: "upd", RoutingConfig: {} }));
    expect(cleared.RoutingConfig).toBeUndefined();
    expect(cleared.Description).toBe("e");
  });

  it("answers PreconditionFailedException for a stale RevisionId", async () => {
    await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "rev", FunctionVersion: "1" }));
    const e = await errorOf(() =>
      client.send(
        new UpdateAliasCommand({ FunctionName: "fn", Name: "rev", FunctionVersion: "2", RevisionId: "stale" }),
      ),
    );
    expect(e.name).toBe("PreconditionFailedException");
    expect(e.$metadata?.httpStatusCode).toBe(412);
    expect((await client.send(new GetAliasCommand({ FunctionName: "fn", Name: "rev" }))).FunctionVersion).toBe("1");
  });

  it("refuses a primary version that the kept routing already names", async () => {
    await client.send(
      new CreateAliasCommand({
        FunctionName: "fn",
        Name: "clash",
        FunctionVersion: "1",
        RoutingConfig: { AdditionalVersionWeights: { "2": 0.1 } },
      }),
    );
    const e = await errorOf(() =>
      client.send(new UpdateAliasCommand({ FunctionName: "fn", Name: "clash", FunctionVersion: "2" })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
  });

  it("answers ResourceNotFoundException for a missing alias or version", async () => {
    const alias = await errorOf(() =>
      client.send(new UpdateAliasCommand({ FunctionName: "fn", Name: "ghost", FunctionVersion: "1" })),
    );
    expect([alias.name, alias.message]).toEqual([
      "ResourceNotFoundException",
      `Cannot find alias arn: ${ARN}:fn:ghost`,
    ]);
    await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "upd-missing", FunctionVersion: "1" }));
    const version = await errorOf(() =>
      client.send(new UpdateAliasCommand({ FunctionName: "fn", Name: "upd-missing", FunctionVersion: "77" })),
    );
    expect(version.name).toBe("ResourceNotFoundException");
  });
});

describe("DeleteAlias", () => {
  it("deletes (204), takes the alias's URL and policy with it, and is idempotent", async () => {
    await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "tmp", FunctionVersion: "1" }));
    await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "fn", Qualifier: "tmp", AuthType: "NONE" }));
    await client.send(
      new AddPermissionCommand({
        FunctionName: "fn",
        Qualifier: "tmp",
        StatementId: "s",
        Action: "lambda:InvokeFunction",
        Principal: "*",
      }),
    );
    const deleted = await client.send(new DeleteAliasCommand({ FunctionName: "fn", Name: "tmp" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(() => client.send(new GetAliasCommand({ FunctionName: "fn", Name: "tmp" })))).name).toBe(
      "ResourceNotFoundException",
    );
    // Re-creating the alias does not bring back what belonged to the old one.
    await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "tmp", FunctionVersion: "1" }));
    expect(
      (await errorOf(() => client.send(new GetFunctionUrlConfigCommand({ FunctionName: "fn", Qualifier: "tmp" }))))
        .name,
    ).toBe("ResourceNotFoundException");
    expect(
      (await errorOf(() => client.send(new GetPolicyCommand({ FunctionName: "fn", Qualifier: "tmp" })))).name,
    ).toBe("ResourceNotFoundException");
    await client.send(new DeleteAliasCommand({ FunctionName: "fn", Name: "tmp" }));
    const again = await client.send(new DeleteAliasCommand({ FunctionName: "fn", Name: "tmp" }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });

  it("answers ResourceNotFoundException for a missing function", async () => {
    const e = await errorOf(() => client.send(new DeleteAliasCommand({ FunctionName: "nope", Name: "x" })));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.$metadata?.httpStatusCode).toBe(404);
  });
});

describe("ListAliases", () => {
  it("filters by FunctionVersion and pages stably while aliases are added", async () => {
    await createFunction(client, "many");
    await publishNewVersion(client, "many", "1");
    await publishNewVersion(client, "many", "2");
    for (const name of ["a1", "a2", "a3", "a4", "a5"]) {
      await client.send(
        new CreateAliasCommand({ FunctionName: "many", Name: name, FunctionVersion: name === "a3" ? "2" : "1" }),
      );
    }
    const filtered = await client.send(new ListAliasesCommand({ FunctionName: "many", FunctionVersion: "2" }));
    expect(filtered.Aliases?.map((a) => a.Name)).toEqual(["a3"]);

    const pages = await allPages(
      async (marker) => {
        const r = await client.send(new ListAliasesCommand({ FunctionName: "many", MaxItems: 2, Marker: marker }));
        return { items: (r.Aliases ?? []).map((a) => a.Name), next: r.NextMarker };
      },
      async (index) => {
        if (index === 0) {
          // One alias sorting after the marker (listed later) and one before it (not listed: already passed).
          await client.send(new CreateAliasCommand({ FunctionName: "many", Name: "a9", FunctionVersion: "1" }));
          await client.send(new CreateAliasCommand({ FunctionName: "many", Name: "a0", FunctionVersion: "1" }));
        }
      },
    );
    expect(pages).toEqual([
      ["a1", "a2"],
      ["a3", "a4"],
      ["a5", "a9"],
    ]);
    const all = await client.send(new ListAliasesCommand({ FunctionName: "many" }));
    expect(all.Aliases?.map((a) => a.Name)).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a9"]);
  });

  it("rejects a foreign marker and a missing function", async () => {
    const marker = await errorOf(() => client.send(new ListAliasesCommand({ FunctionName: "fn", Marker: "x" })));
    expect(marker.name).toBe("InvalidParameterValueException");
    const fn = await errorOf(() => client.send(new ListAliasesCommand({ FunctionName: "nope" })));
    expect(fn.name).toBe("ResourceNotFoundException");
  });
});

it("keeps aliases across a restart", async () => {
  await client.send(new CreateAliasCommand({ FunctionName: "fn", Name: "durable", FunctionVersion: "2" }));
  const before = await client.send(new GetAliasCommand({ FunctionName: "fn", Name: "durable" }));
  t = await t.restart();
  client = t.client;
  const after = await client.send(new GetAliasCommand({ FunctionName: "fn", Name: "durable" }));
  expect(after.RevisionId).toBe(before.RevisionId);
  expect(after.FunctionVersion).toBe("2");
});

it("removes aliases with the function", async () => {
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  await client.send(new CreateAliasCommand({ FunctionName: "gone", Name: "live", FunctionVersion: "1" }));
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.all(KIND.alias, { parent: "gone" })).toEqual([]);
  await createFunction(client, "gone");
  const listed = await client.send(new ListAliasesCommand({ FunctionName: "gone" }));
  expect(listed.Aliases).toEqual([]);
});
