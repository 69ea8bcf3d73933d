/**
 * Contract: Put/Update/Get/Delete/ListFunctionEventInvokeConfigs driven with the real SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { eventInvokeConfigFor } from "../../emulator/functions/event-invoke-config";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { allPages, createFunction, publishNewVersion } from "../support/control-plane";

let t: TestEmulator;
let client: LambdaClient;
const ARN = "arn:aws:lambda:us-east-1:000000000000:function";
const QUEUE = "arn:aws:sqs:us-east-1:000000000000:failures";
const TOPIC = "arn:aws:sns:us-east-1:000000000000:successes";

beforeAll(async () => {
  t = await startEmulator();
  client = t.client;
  await createFunction(client, "async");
  await publishNewVersion(client, "async", "1");
  await client.send(new CreateAliasCommand({ FunctionName: "async", Name: "live", FunctionVersion: "1" }));
  await createFunction(client, "target");
});
afterAll(async () => {
  await t.dispose();
});

describe("PutFunctionEventInvokeConfig / GetFunctionEventInvokeConfig", () => {
  it("stores a config for $LATEST and reads it back", async () => {
    const started = Date.now();
    const put = await client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "async",
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: QUEUE } },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(put).toMatchObject({
      FunctionArn: `${ARN}:async:$LATEST`,
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: QUEUE } },
    });
    // LastModified is a timestamp (epoch seconds on the wire; a Date in the SDK).
    expect(put.LastModified).toBeInstanceOf(Date);
    expect(put.LastModified?.getTime()).toBeGreaterThanOrEqual(started - 1000);
    const got = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: "async" }));
    const { $metadata: _a, ...gotBody } = got;
    const { $metadata: _b, ...putBody } = put;
    expect(gotBody).toEqual(putBody);
    // The async invoke path reads the same document.
    expect(eventInvokeConfigFor(t.emulator.ctx, "async")?.MaximumRetryAttempts).toBe(1);
  });

  it("replaces the whole config: omitted settings are removed", async () => {
    const put = await client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: "async", MaximumRetryAttempts: 0 }),
    );
    expect(put.MaximumRetryAttempts).toBe(0);
    expect(put.MaximumEventAgeInSeconds).toBeUndefined();
    expect(put.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
  });

  it("keeps configs per version and alias", async () => {
    await client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: "async", Qualifier: "1", MaximumRetryAttempts: 2 }),
    );
    const alias = await client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: `${ARN}:async:live`, MaximumEventAgeInSeconds: 60 }),
    );
    expect(alias.FunctionArn).toBe(`${ARN}:async:live`);
    const v1 = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: "async", Qualifier: "1" }));
    expect([v1.FunctionArn, v1.MaximumRetryAttempts]).toEqual([`${ARN}:async:1`, 2]);
    const live = await client.send(
      new GetFunctionEventInvokeConfigCommand({ FunctionName: "async", Qualifier: "live" }),
    );
    expect(live.MaximumEventAgeInSeconds).toBe(60);
  });

  it("accepts SQS, SNS, EventBridge, Lambda and (on failure) S3 destinations", async () => {
    for (const [onSuccess, onFailure] of [
      [TOPIC, QUEUE],
      ["arn:aws:events:us-east-1:000000000000:event-bus/default", `${ARN}:target`],
      [`${ARN}:target:$LATEST`, "arn:aws:s3:::failed-events"],
    ]) {
      const put = await client.send(
        new PutFunctionEventInvokeConfigCommand({
          FunctionName: "async",
          DestinationConfig: { OnSuccess: { Destination: onSuccess }, OnFailure: { Destination: onFailure } },
        }),
      );
      expect(put.DestinationConfig).toEqual({
        OnSuccess: { Destination: onSuccess },
        OnFailure: { Destination: onFailure },
      });
    }
  });

  it("refuses invalid destinations as the service does", async () => {
    const put = (OnSuccess?: string, OnFailure?: string) =>
      errorOf(() =>
        client.send(
          new PutFunctionEventInvokeConfigCommand({
            FunctionName: "async",
            DestinationConfig: {
              ...(OnSuccess ? { OnSuccess: { Destination: OnSuccess } } : {}),
              ...(OnFailure ? { OnFailure: { Destination: OnFailure } } : {}),
            },
          }),
        ),
      );
    const s3Success = await put("arn:aws:s3:::bucket");
    expect([s3Success.name, s3Success.$metadata?.httpStatusCode, s3Success.message]).toEqual([
      "InvalidParameterValueException",
      400,
      "The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=arn:aws:s3:::bucket), onFailure=null) is invalid.",
    ]);
    const dynamo = await put(undefined, "arn:aws:dynamodb:us-east-1:000000000000:table/t");
    expect(dynamo.message).toContain("onFailure=OnFailure(destination=arn:aws:dynamodb");
    const self = await put(`${ARN}:async`);
    expect(self.message).toBe("You can't specify the function as a destination for itself.");
    const missing = await put(`${ARN}:not-there`);
    expect(missing.message).toBe(`The destination ARN ${ARN}:not-there is invalid.`);
    const malformed = await put("not-an-arn");
    expect(malformed.name).toBe("InvalidParameterValueException");
  });

  it("validates ranges and requires at least one setting", async () => {
    for (const [input, field] of [
      [{ MaximumRetryAttempts: 3 }, "maximumRetryAttempts"],
      [{ MaximumRetryAttempts: -1 }, "maximumRetryAttempts"],
      [{ MaximumEventAgeInSeconds: 59 }, "maximumEventAgeInSeconds"],
      [{ MaximumEventAgeInSeconds: 21601 }, "maximumEventAgeInSeconds"],
    ] as const) {
      const e = await errorOf(() =>
        client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "async", ...input })),
      );
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.message).toContain(`'${field}'`);
    }
    const nothing = await errorOf(() =>
      client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "async" })),
    );
    expect([nothing.name, nothing.message]).toEqual([
      "InvalidParameterValueException",
      "You must specify at least one of error handling or destination setting.",
    ]);
  });

  it("answers ResourceNotFoundException for missing functions, qualifiers and configs", async () => {
    const fn = await errorOf(() =>
      client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "nope", MaximumRetryAttempts: 1 })),
    );
    expect([fn.name, fn.$metadata?.httpStatusCode, fn.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "The function doesn't exist.",
    ]);
    const qualifier = await errorOf(() =>
      client.send(
        new PutFunctionEventInvokeConfigCommand({ FunctionName: "async", Qualifier: "9", MaximumRetryAttempts: 1 }),
      ),
    );
    expect(qualifier.name).toBe("ResourceNotFoundException");
    const none = await errorOf(() => client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: "target" })));
    expect([none.name, none.message]).toEqual([
      "ResourceNotFoundException",
      `The function ${ARN}:target:$LATEST doesn't have an EventInvokeConfig`,
    ]);
  });
});

describe("UpdateFunctionEventInvokeConfig", () => {
  it("changes only the settings given", async () => {
    await createFunction(client, "merge");
    await client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "merge",
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnSuccess: { Destination: TOPIC }, OnFailure: { Destination: QUEUE } },
      }),
    );
    const updated = await client.send(
      new UpdateFunctionEventInvokeConfigCommand({ FunctionName: "merge", MaximumEventAgeInSeconds: 120 }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated).toMatchObject({
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 120,
      DestinationConfig: { OnSuccess: { Destination: TOPIC }, OnFailure: { Destination: QUEUE } },
    });
    const cleared = await client.send(
      new UpdateFunctionEventInvokeConfigCommand({
        FunctionName: "merge",
        DestinationConfig: { OnSuccess: { Destination: "" } },
      }),
    );
    expect(cleared.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: QUEUE } });
  });

  it("answers ResourceNotFoundException when there is no config to update", async () => {
    const e = await errorOf(() =>
      client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: "target", MaximumRetryAttempts: 1 })),
    );
    expect([e.name, e.$metadata?.httpStatusCode, e.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `The function ${ARN}:target:$LATEST doesn't have an EventInvokeConfig`,
    ]);
    const invalid = await errorOf(() =>
      client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: "merge", MaximumRetryAttempts: 5 })),
    );
    expect(invalid.name).toBe("InvalidParameterValueException");
  });
});

describe("DeleteFunctionEventInvokeConfig / ListFunctionEventInvokeConfigs", () => {
  it("deletes (204); deleting again is ResourceNotFoundException", async () => {
    await createFunction(client, "del");
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "del", MaximumRetryAttempts: 1 }));
    const deleted = await client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: "del" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const again = await errorOf(() => client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: "del" })));
    expect([again.name, again.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
  });

  it("lists every qualifier's config, paging stably while configs are added", async () => {
    await createFunction(client, "listed");
    await publishNewVersion(client, "listed", "1");
    await publishNewVersion(client, "listed", "2");
    await client.send(new CreateAliasCommand({ FunctionName: "listed", Name: "b", FunctionVersion: "1" }));
    await client.send(new CreateAliasCommand({ FunctionName: "listed", Name: "a", FunctionVersion: "2" }));
    for (const Qualifier of [undefined, "2", "b"]) {
      await client.send(
        new PutFunctionEventInvokeConfigCommand({ FunctionName: "listed", Qualifier, MaximumRetryAttempts: 1 }),
      );
    }
    const pages = await allPages(
      async (marker) => {
        const r = await client.send(
          new ListFunctionEventInvokeConfigsCommand({ FunctionName: "listed", MaxItems: 2, Marker: marker }),
        );
        return { items: (r.FunctionEventInvokeConfigs ?? []).map((c) => c.FunctionArn), next: r.NextMarker };
      },
      async (index) => {
        if (index === 0) {
          await client.send(
            new PutFunctionEventInvokeConfigCommand({
              FunctionName: "listed",
              Qualifier: "a",
              MaximumRetryAttempts: 2,
            }),
          );
        }
      },
    );
    expect(pages).toEqual([
      [`${ARN}:listed:$LATEST`, `${ARN}:listed:2`],
      [`${ARN}:listed:a`, `${ARN}:listed:b`],
    ]);
    const big = await errorOf(() =>
      client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: "listed", MaxItems: 51 })),
    );
    expect(big.name).toBe("InvalidParameterValueException");
    const missing = await errorOf(() =>
      client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: "nope" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });
});

it("keeps configs across a restart", async () => {
  await createFunction(client, "persist-async");
  const put = await client.send(
    new PutFunctionEventInvokeConfigCommand({
      FunctionName: "persist-async",
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 90,
    }),
  );
  t = await t.restart();
  client = t.client;
  const got = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: "persist-async" }));
  expect([got.MaximumRetryAttempts, got.MaximumEventAgeInSeconds, got.LastModified?.getTime()]).toEqual([
    2,
    90,
    put.LastModified?.getTime(),
  ]);
});

it("removes every config with the function", async () => {
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "gone", MaximumRetryAttempts: 1 }));
  await client.send(
    new PutFunctionEventInvokeConfigCommand({ FunctionName: "gone", Qualifier: "1", MaximumRetryAttempts: 1 }),
  );
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.all(KIND.eventInvokeConfig, { parent: "gone" })).toEqual([]);
  await createFunction(client, "gone");
  const listed = await client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: "gone" }));
  expect(listed.FunctionEventInvokeConfigs).toEqual([]);
});
