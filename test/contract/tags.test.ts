/**
 * Contract: TagResource, UntagResource, ListTags on functions, event source mappings, code signing
 * configs and capacity providers, driven with the real SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateCapacityProviderCommand,
  CreateCodeSigningConfigCommand,
  CreateEventSourceMappingCommand,
  DeleteCodeSigningConfigCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { createFunction, publishNewVersion } from "../support/control-plane";

let t: TestEmulator;
let client: LambdaClient;
let fnArn: string;
const PREFIX = "arn:aws:lambda:us-east-1:000000000000";

beforeAll(async () => {
  t = await startEmulator();
  client = t.client;
  fnArn = await createFunction(client, "tagged");
});
afterAll(async () => {
  await t.dispose();
});

const listTags = async (Resource: string) => (await client.send(new ListTagsCommand({ Resource }))).Tags;

describe("functions", () => {
  it("tags (204), lists, merges, untags (204), and shows tags in GetFunction", async () => {
    const tagged = await client.send(new TagResourceCommand({ Resource: fnArn, Tags: { team: "a", env: "dev" } }));
    expect(tagged.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(fnArn)).toEqual({ team: "a", env: "dev" });
    await client.send(new TagResourceCommand({ Resource: fnArn, Tags: { env: "prod", cost: "1" } }));
    expect(await listTags(fnArn)).toEqual({ team: "a", env: "prod", cost: "1" });
    const untagged = await client.send(new UntagResourceCommand({ Resource: fnArn, TagKeys: ["team", "absent"] }));
    expect(untagged.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(fnArn)).toEqual({ env: "prod", cost: "1" });
    expect((await client.send(new GetFunctionCommand({ FunctionName: "tagged" }))).Tags).toEqual({
      env: "prod",
      cost: "1",
    });
    await client.send(new UntagResourceCommand({ Resource: fnArn, TagKeys: ["env", "cost"] }));
    expect(await listTags(fnArn)).toEqual({});
  });

  it("keeps the tags given at CreateFunction and adds to them", async () => {
    await client.send(new TagResourceCommand({ Resource: fnArn, Tags: { later: "yes" } }));
    expect(await listTags(fnArn)).toMatchObject({ later: "yes" });
  });

  it("refuses versions and aliases: InvalidParameterValueException", async () => {
    await publishNewVersion(client, "tagged", "v1");
    for (const q of ["1", "$LATEST", "live"]) {
      const e = await errorOf(() =>
        client.send(new TagResourceCommand({ Resource: `${fnArn}:${q}`, Tags: { a: "b" } })),
      );
      expect([e.name, e.$metadata?.httpStatusCode, e.message]).toEqual([
        "InvalidParameterValueException",
        400,
        "Tags on function aliases and versions are not supported. Please specify a function ARN.",
      ]);
    }
    const list = await errorOf(() => client.send(new ListTagsCommand({ Resource: `${fnArn}:1` })));
    expect(list.name).toBe("InvalidParameterValueException");
  });

  it("answers ResourceNotFoundException for a missing function or another region", async () => {
    for (const Resource of [`${PREFIX}:function:nope`, "arn:aws:lambda:eu-west-1:000000000000:function:tagged"]) {
      const e = await errorOf(() => client.send(new TagResourceCommand({ Resource, Tags: { a: "b" } })));
      expect([e.name, e.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
      expect(e.message).toBe(`Function not found: ${Resource}`);
      const u = await errorOf(() => client.send(new UntagResourceCommand({ Resource, TagKeys: ["a"] })));
      expect(u.name).toBe("ResourceNotFoundException");
      const l = await errorOf(() => client.send(new ListTagsCommand({ Resource })));
      expect(l.name).toBe("ResourceNotFoundException");
    }
  });

  it("validates ARNs, tag counts, lengths and reserved prefixes", async () => {
    const bad = await errorOf(() => client.send(new ListTagsCommand({ Resource: "tagged" })));
    expect(bad.name).toBe("InvalidParameterValueException");
    expect(bad.message).toContain("'resource'");
    const layer = await errorOf(() => client.send(new ListTagsCommand({ Resource: `${PREFIX}:layer:my-layer` })));
    expect(layer.name).toBe("InvalidParameterValueException");
    await createFunction(client, "limits");
    const arn = `${PREFIX}:function:limits`;
    const empty = await errorOf(() => client.send(new TagResourceCommand({ Resource: arn, Tags: {} })));
    expect(empty.name).toBe("InvalidParameterValueException");
    const reserved = await errorOf(() =>
      client.send(new TagResourceCommand({ Resource: arn, Tags: { "aws:x": "y" } })),
    );
    expect(reserved.name).toBe("InvalidParameterValueException");
    const longKey = await errorOf(() =>
      client.send(new TagResourceCommand({ Resource: arn, Tags: { ["k".repeat(129)]: "v" } })),
    );
    expect(longKey.name).toBe("InvalidParameterValueException");
    const longValue = await errorOf(() =>
      client.send(new TagResourceCommand({ Resource: arn, Tags: { k: "v".repeat(257) } })),
    );
    expect(longValue.name).toBe("InvalidParameterValueException");
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    await client.send(new TagResourceCommand({ Resource: arn, Tags: fifty }));
    const tooMany = await errorOf(() => client.send(new TagResourceCommand({ Resource: arn, Tags: { k50: "v" } })));
    expect([tooMany.name, tooMany.$metadata?.httpStatusCode]).toEqual(["InvalidParameterValueException", 400]);
    // Replacing an existing key does not count as a new tag.
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { k0: "changed" } }));
    expect(Object.keys((await listTags(arn)) ?? {})).toHaveLength(50);
  });
});

describe("other taggable resources", () => {
  it("tags event source mappings", async () => {
    const esm = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: "tagged",
        EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:queue",
        Tags: { created: "with-mapping" },
      }),
    );
    const arn = esm.EventSourceMappingArn ?? `${PREFIX}:event-source-mapping:${esm.UUID}`;
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { added: "later" } }));
    expect(await listTags(arn)).toEqual({ created: "with-mapping", added: "later" });
    await client.send(new UntagResourceCommand({ Resource: arn, TagKeys: ["created"] }));
    expect(await listTags(arn)).toEqual({ added: "later" });
    const missing = await errorOf(() =>
      client.send(
        new ListTagsCommand({ Resource: `${PREFIX}:event-source-mapping:00000000-0000-0000-0000-000000000000` }),
      ),
    );
    expect([missing.name, missing.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
  });

  it("tags code signing configs, and their tags go with them", async () => {
    const csc = await client.send(
      new CreateCodeSigningConfigCommand({
        AllowedPublishers: {
          SigningProfileVersionArns: ["arn:aws:signer:us-east-1:000000000000:/signing-profiles/p/v1"],
        },
      }),
    );
    const arn = csc.CodeSigningConfig?.CodeSigningConfigArn ?? "";
    expect(arn).toMatch(/:code-signing-config:csc-[a-z0-9]{17}$/);
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { owner: "sec" } }));
    expect(await listTags(arn)).toEqual({ owner: "sec" });
    await client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
    const gone = await errorOf(() => client.send(new ListTagsCommand({ Resource: arn })));
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(t.emulator.ctx.resources.get(KIND.tags, arn)).toBeUndefined();
  });

  it("tags capacity providers", async () => {
    const created = await client.send(
      new CreateCapacityProviderCommand({
        CapacityProviderName: "pool",
        VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: [] },
        PermissionsConfig: { CapacityProviderOperatorRoleArn: "arn:aws:iam::000000000000:role/operator" },
      }),
    );
    const arn = created.CapacityProvider?.CapacityProviderArn ?? `${PREFIX}:capacity-provider:pool`;
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { tier: "gold" } }));
    expect(await listTags(arn)).toEqual({ tier: "gold" });
    const missing = await errorOf(() =>
      client.send(new ListTagsCommand({ Resource: `${PREFIX}:capacity-provider:none` })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });
});

it("keeps tags across a restart", async () => {
  await createFunction(client, "persist-tags");
  const arn = `${PREFIX}:function:persist-tags`;
  await client.send(new TagResourceCommand({ Resource: arn, Tags: { kept: "yes" } }));
  t = await t.restart();
  client = t.client;
  expect(await listTags(arn)).toEqual({ kept: "yes" });
});

it("removes a function's tags with the function", async () => {
  await createFunction(client, "gone");
  const arn = `${PREFIX}:function:gone`;
  await client.send(new TagResourceCommand({ Resource: arn, Tags: { a: "1" } }));
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.get(KIND.tags, arn)).toBeUndefined();
  await createFunction(client, "gone");
  expect(await listTags(arn)).toEqual({});
});
