/** Contract: AddPermission, GetPolicy, RemovePermission driven with the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPermissionCommand,
  CreateAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
  type AddPermissionRequest,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { createFunction, publishNewVersion } from "../support/control-plane";

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

async function statementOf(input: AddPermissionRequest): Promise<unknown> {
  const r = await client.send(new AddPermissionCommand(input));
  expect(r.$metadata.httpStatusCode).toBe(201);
  return JSON.parse(r.Statement ?? "null") as unknown;
}

describe("AddPermission", () => {
  beforeAll(async () => {
    await createFunction(client, "stmt");
    await publishNewVersion(client, "stmt", "v1");
    await client.send(new CreateAliasCommand({ FunctionName: "stmt", Name: "live", FunctionVersion: "1" }));
  });

  it("writes a service principal with SourceArn (ArnLike) and SourceAccount (StringEquals)", async () => {
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "s3-invoke",
        Action: "lambda:InvokeFunction",
        Principal: "s3.amazonaws.com",
        SourceArn: "arn:aws:s3:::my-bucket",
        SourceAccount: "123456789012",
      }),
    ).toEqual({
      Sid: "s3-invoke",
      Effect: "Allow",
      Principal: { Service: "s3.amazonaws.com" },
      Action: "lambda:InvokeFunction",
      Resource: `${ARN}:stmt`,
      Condition: {
        StringEquals: { "AWS:SourceAccount": "123456789012" },
        ArnLike: { "AWS:SourceArn": "arn:aws:s3:::my-bucket" },
      },
    });
  });

  it("writes an account id as its root ARN, and IAM ARNs as given", async () => {
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "acct",
        Action: "lambda:GetFunction",
        Principal: "111122223333",
      }),
    ).toEqual({
      Sid: "acct",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "lambda:GetFunction",
      Resource: `${ARN}:stmt`,
    });
    const role = "arn:aws:iam::111122223333:role/caller";
    expect(
      await statementOf({ FunctionName: "stmt", StatementId: "role", Action: "lambda:*", Principal: role }),
    ).toMatchObject({ Principal: { AWS: role }, Action: "lambda:*" });
  });

  it("writes conditions for org id, function URL auth type, event source token and URL-only invokes", async () => {
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "url",
        Action: "lambda:InvokeFunctionUrl",
        Principal: "*",
        FunctionUrlAuthType: "NONE",
      }),
    ).toEqual({
      Sid: "url",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunctionUrl",
      Resource: `${ARN}:stmt`,
      Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
    });
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "url-invoke",
        Action: "lambda:InvokeFunction",
        Principal: "*",
        InvokedViaFunctionUrl: true,
      }),
    ).toMatchObject({ Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } } });
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "org",
        Action: "lambda:InvokeFunction",
        Principal: "*",
        PrincipalOrgID: "o-abcdefghij",
      }),
    ).toMatchObject({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } } });
    expect(
      await statementOf({
        FunctionName: "stmt",
        StatementId: "alexa",
        Action: "lambda:InvokeFunction",
        Principal: "alexa-connectedhome.amazon.com",
        EventSourceToken: "amzn1.ask.skill.123",
      }),
    ).toMatchObject({
      Principal: { Service: "alexa-connectedhome.amazon.com" },
      Condition: { StringEquals: { "lambda:EventSourceToken": "amzn1.ask.skill.123" } },
    });
  });

  it("scopes a statement to a version or alias, and statement ids per qualifier", async () => {
    const onAlias = await statementOf({
      FunctionName: "stmt",
      Qualifier: "live",
      StatementId: "s3-invoke",
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
    });
    expect(onAlias).toMatchObject({ Resource: `${ARN}:stmt:live` });
    const onVersion = await statementOf({
      FunctionName: `${ARN}:stmt:1`,
      StatementId: "v",
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
    });
    expect(onVersion).toMatchObject({ Resource: `${ARN}:stmt:1` });
    const aliasPolicy = await client.send(new GetPolicyCommand({ FunctionName: "stmt", Qualifier: "live" }));
    expect((JSON.parse(aliasPolicy.Policy ?? "{}") as { Statement: unknown[] }).Statement).toHaveLength(1);
  });

  it("answers ResourceConflictException for a statement id already in the policy", async () => {
    const input = { FunctionName: "stmt", StatementId: "twice", Action: "lambda:InvokeFunction", Principal: "*" };
    await client.send(new AddPermissionCommand(input));
    const e = await errorOf(() => client.send(new AddPermissionCommand(input)));
    expect(e.name).toBe("ResourceConflictException");
    expect(e.$metadata?.httpStatusCode).toBe(409);
    expect(e.message).toBe(
      "The statement id (twice) provided already exists. Please provide a new statement id, or remove the existing statement.",
    );
  });

  it("answers InvalidParameterValueException for bad principals, $LATEST, and constraint violations", async () => {
    const base = { FunctionName: "stmt", StatementId: "bad", Action: "lambda:InvokeFunction", Principal: "*" };
    const principal = await errorOf(() =>
      client.send(new AddPermissionCommand({ ...base, Principal: "not-a-principal" })),
    );
    expect([principal.name, principal.$metadata?.httpStatusCode, principal.message]).toEqual([
      "InvalidParameterValueException",
      400,
      "The provided principal was invalid. Please check the principal and try again.",
    ]);
    const latest = await errorOf(() => client.send(new AddPermissionCommand({ ...base, Qualifier: "$LATEST" })));
    expect([latest.name, latest.message]).toEqual([
      "InvalidParameterValueException",
      "We currently do not support adding policies for $LATEST.",
    ]);
    for (const [override, field] of [
      [{ Action: "invoke" }, "action"],
      [{ StatementId: "has space" }, "statementId"],
      [{ SourceAccount: "12" }, "sourceAccount"],
      [{ PrincipalOrgID: "org-1" }, "principalOrgID"],
      [{ FunctionUrlAuthType: "BASIC" }, "functionUrlAuthType"],
    ] as const) {
      const e = await errorOf(() =>
        client.send(new AddPermissionCommand({ ...base, ...override } as AddPermissionRequest)),
      );
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.message).toContain(`'${field}'`);
    }
  });

  it("answers ResourceNotFoundException for a missing function, version or alias", async () => {
    const base = { StatementId: "x", Action: "lambda:InvokeFunction", Principal: "*" };
    const fn = await errorOf(() => client.send(new AddPermissionCommand({ ...base, FunctionName: "nope" })));
    expect([fn.name, fn.$metadata?.httpStatusCode, fn.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `Function not found: ${ARN}:nope`,
    ]);
    const version = await errorOf(() =>
      client.send(new AddPermissionCommand({ ...base, FunctionName: "stmt", Qualifier: "9" })),
    );
    expect(version.message).toBe(`Function not found: ${ARN}:stmt:9`);
    const alias = await errorOf(() =>
      client.send(new AddPermissionCommand({ ...base, FunctionName: "stmt", Qualifier: "nah" })),
    );
    expect([alias.name, alias.message]).toEqual([
      "ResourceNotFoundException",
      `Cannot find alias arn: ${ARN}:stmt:nah`,
    ]);
  });

  it("answers PolicyLengthExceededException past 20 KB", async () => {
    await createFunction(client, "big");
    const add = (i: number) =>
      client.send(
        new AddPermissionCommand({
          FunctionName: "big",
          StatementId: `statement-${i}`,
          Action: "lambda:InvokeFunction",
          Principal: "events.amazonaws.com",
          SourceArn: `arn:aws:events:us-east-1:123456789012:rule/${"r".repeat(120)}-${i}`,
        }),
      );
    let i = 0;
    let error: Awaited<ReturnType<typeof errorOf>> | undefined;
    while (!error && i < 200) {
      try {
        await add(i++);
      } catch (e) {
        error = e as Awaited<ReturnType<typeof errorOf>>;
      }
    }
    expect(error?.name).toBe("PolicyLengthExceededException");
    expect(error?.$metadata?.httpStatusCode).toBe(400);
    const policy = await client.send(new GetPolicyCommand({ FunctionName: "big" }));
    expect(Buffer.byteLength(policy.Policy ?? "")).toBeLessThanOrEqual(20_480);
    expect((JSON.parse(policy.Policy ?? "{}") as { Statement: unknown[] }).Statement).toHaveLength(i - 1);
  });
});

describe("GetPolicy and RevisionId", () => {
  it("returns the policy document and the function's RevisionId, which every policy change renews", async () => {
    await createFunction(client, "rev");
    const before = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "rev" }));
    const stale = await errorOf(() =>
      client.send(
        new AddPermissionCommand({
          FunctionName: "rev",
          StatementId: "a",
          Action: "lambda:InvokeFunction",
          Principal: "*",
          RevisionId: "stale",
        }),
      ),
    );
    expect([stale.name, stale.$metadata?.httpStatusCode]).toEqual(["PreconditionFailedException", 412]);
    await client.send(
      new AddPermissionCommand({
        FunctionName: "rev",
        StatementId: "a",
        Action: "lambda:InvokeFunction",
        Principal: "*",
        RevisionId: before.RevisionId,
      }),
    );
    const policy = await client.send(new GetPolicyCommand({ FunctionName: "rev" }));
    const after = await client.send(new GetFunctionConfigurationCommand({ FunctionName: "rev" }));
    expect(policy.RevisionId).toBe(after.RevisionId);
    expect(after.RevisionId).not.toBe(before.RevisionId);
    expect(JSON.parse(policy.Policy ?? "{}")).toEqual({
      Version: "2012-10-17",
      Id: "default",
      Statement: [
        { Sid: "a", Effect: "Allow", Principal: "*", Action: "lambda:InvokeFunction", Resource: `${ARN}:rev` },
      ],
    });
  });

  it("reports an alias's RevisionId for the alias's policy", async () => {
    await createFunction(client, "alias-rev");
    await publishNewVersion(client, "alias-rev", "1");
    const alias = await client.send(
      new CreateAliasCommand({ FunctionName: "alias-rev", Name: "a", FunctionVersion: "1" }),
    );
    await client.send(
      new AddPermissionCommand({
        FunctionName: "alias-rev",
        Qualifier: "a",
        StatementId: "x",
        Action: "lambda:InvokeFunction",
        Principal: "*",
        RevisionId: alias.RevisionId,
      }),
    );
    const policy = await client.send(new GetPolicyCommand({ FunctionName: "alias-rev:a" }));
    const now = await client.send(new GetAliasCommand({ FunctionName: "alias-rev", Name: "a" }));
    expect(policy.RevisionId).toBe(now.RevisionId);
    expect(now.RevisionId).not.toBe(alias.RevisionId);
  });

  it("answers ResourceNotFoundException without a policy or function", async () => {
    await createFunction(client, "no-policy");
    const none = await errorOf(() => client.send(new GetPolicyCommand({ FunctionName: "no-policy" })));
    expect([none.name, none.$metadata?.httpStatusCode, none.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "The resource you requested does not exist.",
    ]);
    const fn = await errorOf(() => client.send(new GetPolicyCommand({ FunctionName: "nope" })));
    expect(fn.message).toBe(`Function not found: ${ARN}:nope`);
  });
});

describe("RemovePermission", () => {
  it("removes statements (204); the last one removes the policy", async () => {
    await createFunction(client, "rm");
    for (const sid of ["one", "two"]) {
      await client.send(
        new AddPermissionCommand({
          FunctionName: "rm",
          StatementId: sid,
          Action: "lambda:InvokeFunction",
          Principal: "*",
        }),
      );
    }
    const removed = await client.send(new RemovePermissionCommand({ FunctionName: "rm", StatementId: "one" }));
    expect(removed.$metadata.httpStatusCode).toBe(204);
    const left = JSON.parse((await client.send(new GetPolicyCommand({ FunctionName: "rm" }))).Policy ?? "{}") as {
      Statement: { Sid: string }[];
    };
    expect(left.Statement.map((s) => s.Sid)).toEqual(["two"]);
    await client.send(new RemovePermissionCommand({ FunctionName: "rm", StatementId: "two" }));
    expect((await errorOf(() => client.send(new GetPolicyCommand({ FunctionName: "rm" })))).name).toBe(
      "ResourceNotFoundException",
    );
  });

  it("checks the RevisionId and answers ResourceNotFoundException for unknown statements", async () => {
    await createFunction(client, "rm-errors");
    const noPolicy = await errorOf(() =>
      client.send(new RemovePermissionCommand({ FunctionName: "rm-errors", StatementId: "x" })),
    );
    expect([noPolicy.name, noPolicy.message]).toEqual([
      "ResourceNotFoundException",
      "No policy is associated with the given resource.",
    ]);
    await client.send(
      new AddPermissionCommand({
        FunctionName: "rm-errors",
        StatementId: "keep",
        Action: "lambda:InvokeFunction",
        Principal: "*",
      }),
    );
    const unknown = await errorOf(() =>
      client.send(new RemovePermissionCommand({ FunctionName: "rm-errors", StatementId: "x" })),
    );
    expect([unknown.name, unknown.$metadata?.httpStatusCode, unknown.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Statement x is not found in resource policy.",
    ]);
    const stale = await errorOf(() =>
      client.send(new RemovePermissionCommand({ FunctionName: "rm-errors", StatementId: "keep", RevisionId: "stale" })),
    );
    expect([stale.name, stale.$metadata?.httpStatusCode]).toEqual(["PreconditionFailedException", 412]);
    const current = await client.send(new GetPolicyCommand({ FunctionName: "rm-errors" }));
    await client.send(
      new RemovePermissionCommand({ FunctionName: "rm-errors", StatementId: "keep", RevisionId: current.RevisionId }),
    );
  });
});

it("keeps policies across a restart", async () => {
  await createFunction(client, "persist-policy");
  await client.send(
    new AddPermissionCommand({
      FunctionName: "persist-policy",
      StatementId: "p",
      Action: "lambda:InvokeFunction",
      Principal: "*",
    }),
  );
  const before = await client.send(new GetPolicyCommand({ FunctionName: "persist-policy" }));
  t = await t.restart();
  client = t.client;
  const after = await client.send(new GetPolicyCommand({ FunctionName: "persist-policy" }));
  expect(after.Policy).toBe(before.Policy);
  expect(after.RevisionId).toBe(before.RevisionId);
});

it("removes every policy with the function", async () => {
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  await client.send(new CreateAliasCommand({ FunctionName: "gone", Name: "a", FunctionVersion: "1" }));
  for (const Qualifier of [undefined, "1", "a"]) {
    await client.send(
      new AddPermissionCommand({
        FunctionName: "gone",
        Qualifier,
        StatementId: "s",
        Action: "lambda:InvokeFunction",
        Principal: "*",
      }),
    );
  }
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.all(KIND.policy, { parent: "gone" })).toEqual([]);
  await createFunction(client, "gone");
  expect((await errorOf(() => client.send(new GetPolicyCommand({ FunctionName: "gone" })))).name).toBe(
    "ResourceNotFoundException",
  );
});
