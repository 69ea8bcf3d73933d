/** Contract: Create/Get/Update/Delete/ListFunctionUrlConfigs driven with the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  DeleteFunctionCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  ListFunctionUrlConfigsCommand,
  UpdateFunctionUrlConfigCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { findFunctionUrl, urlIdFromHost } from "../../emulator/functions/function-url";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { allPages, createFunction, publishNewVersion } from "../support/control-plane";

let t: TestEmulator;
let client: LambdaClient;
const ARN = "arn:aws:lambda:us-east-1:000000000000:function";
const URL_SHAPE = /^http:\/\/([a-z0-9]{32})\.lambda-url\.us-east-1\.localhost:(\d+)\/$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

beforeAll(async () => {
  t = await startEmulator();
  client = t.client;
  await createFunction(client, "web");
  await publishNewVersion(client, "web", "1");
  await client.send(new CreateAliasCommand({ FunctionName: "web", Name: "live", FunctionVersion: "1" }));
});
afterAll(async () => {
  await t.dispose();
});

describe("CreateFunctionUrlConfig / GetFunctionUrlConfig", () => {
  it("creates a unique local URL (201) with the service's defaults", async () => {
    const created = await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "web", AuthType: "NONE" }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    const match = URL_SHAPE.exec(created.FunctionUrl ?? "");
    expect(match?.[2]).toBe(String(t.emulator.port));
    expect(created).toMatchObject({ FunctionArn: `${ARN}:web`, AuthType: "NONE", InvokeMode: "BUFFERED" });
    expect(created.CreationTime).toMatch(ISO);
    expect(created.Cors).toBeUndefined();
    // CreateFunctionUrlConfig's response has no LastModifiedTime; Get's has.
    expect("LastModifiedTime" in created).toBe(false);
    const got = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: "web" }));
    expect(got).toMatchObject({
      FunctionUrl: created.FunctionUrl,
      FunctionArn: `${ARN}:web`,
      AuthType: "NONE",
      InvokeMode: "BUFFERED",
      CreationTime: created.CreationTime,
      LastModifiedTime: created.CreationTime,
    });
    // The URL server can find the config from the request's Host header.
    const host = new URL(created.FunctionUrl ?? "").host;
    const id = urlIdFromHost(t.emulator.ctx, host);
    expect(id).toBe(match?.[1]);
    expect(findFunctionUrl(t.emulator.ctx, id ?? "")?.FunctionName).toBe("web");
  });

  it("creates one URL per alias, with Cors and streaming, distinct from the function's", async () => {
    const cors = {
      AllowCredentials: true,
      AllowHeaders: ["content-type"],
      AllowMethods: ["GET", "POST"],
      AllowOrigins: ["https://example.com"],
      ExposeHeaders: ["x-id"],
      MaxAge: 600,
    };
    const created = await client.send(
      new CreateFunctionUrlConfigCommand({
        FunctionName: "web",
        Qualifier: "live",
        AuthType: "AWS_IAM",
        Cors: cors,
        InvokeMode: "RESPONSE_STREAM",
      }),
    );
    expect(created).toMatchObject({
      FunctionArn: `${ARN}:web:live`,
      AuthType: "AWS_IAM",
      Cors: cors,
      InvokeMode: "RESPONSE_STREAM",
    });
    const plain = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: "web" }));
    expect(created.FunctionUrl).not.toBe(plain.FunctionUrl);
    expect((await client.send(new GetFunctionUrlConfigCommand({ FunctionName: "web:live" }))).Cors).toEqual(cors);
  });

  it("answers ResourceConflictException for a second URL on the same target", async () => {
    const e = await errorOf(() =>
      client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "web", AuthType: "NONE" })),
    );
    expect([e.name, e.$metadata?.httpStatusCode, e.message]).toEqual([
      "ResourceConflictException",
      409,
      `Failed to create function url config for [functionArn = ${ARN}:web]. Error message:  FunctionUrlConfig exists for this Lambda function`,
    ]);
  });

  it("refuses version qualifiers, $LATEST as a qualifier, and invalid settings", async () => {
    for (const input of [
      { Qualifier: "1" },
      { Qualifier: "$LATEST" },
      { FunctionName: "web:1" },
      { AuthType: "BASIC" },
      { InvokeMode: "STREAM" },
      { Cors: { AllowMethods: ["OPTIONS"] } },
      { Cors: { MaxAge: 86401 } },
      { Cors: { AllowOrigins: Array.from({ length: 101 }, (_, i) => `https://o${i}.example`) } },
      { Cors: { AllowOrigins: [""] } },
    ]) {
      const e = await errorOf(() =>
        client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "web", AuthType: "NONE", ...input } as never)),
      );
      expect(e.name, JSON.stringify(input)).toBe("InvalidParameterValueException");
      expect(e.$metadata?.httpStatusCode).toBe(400);
    }
  });

  it("answers ResourceNotFoundException for missing functions, aliases and configs", async () => {
    const fn = await errorOf(() =>
      client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "nope", AuthType: "NONE" })),
    );
    expect([fn.name, fn.$metadata?.httpStatusCode, fn.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Function does not exist",
    ]);
    const alias = await errorOf(() =>
      client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "web", Qualifier: "ghost", AuthType: "NONE" })),
    );
    expect(alias.name).toBe("ResourceNotFoundException");
    await createFunction(client, "no-url");
    const none = await errorOf(() => client.send(new GetFunctionUrlConfigCommand({ FunctionName: "no-url" })));
    expect([none.name, none.message]).toEqual([
      "ResourceNotFoundException",
      "The resource you requested does not exist.",
    ]);
  });
});

describe("UpdateFunctionUrlConfig", () => {
  it("changes the settings given, keeps the URL, and renews LastModifiedTime", async () => {
    await createFunction(client, "upd");
    const created = await client.send(
      new CreateFunctionUrlConfigCommand({ FunctionName: "upd", AuthType: "NONE", Cors: { AllowOrigins: ["*"] } }),
    );
    const updated = await client.send(
      new UpdateFunctionUrlConfigCommand({ FunctionName: "upd", AuthType: "AWS_IAM", InvokeMode: "RESPONSE_STREAM" }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated).toMatchObject({
      FunctionUrl: created.FunctionUrl,
      AuthType: "AWS_IAM",
      InvokeMode: "RESPONSE_STREAM",
      Cors: { AllowOrigins: ["*"] },
      CreationTime: created.CreationTime,
    });
    expect(updated.LastModifiedTime).toMatch(ISO);
    expect(Date.parse(updated.LastModifiedTime ?? "")).toBeGreaterThanOrEqual(Date.parse(created.CreationTime ?? ""));
    const cors = await client.send(
      new UpdateFunctionUrlConfigCommand({ FunctionName: "upd", Cors: { AllowMethods: ["GET"] } }),
    );
    expect(cors.Cors).toEqual({ AllowMethods: ["GET"] });
  });

  it("answers ResourceNotFoundException without a config and InvalidParameterValueException for bad values", async () => {
    await createFunction(client, "upd-none");
    const none = await errorOf(() =>
      client.send(new UpdateFunctionUrlConfigCommand({ FunctionName: "upd-none", AuthType: "NONE" })),
    );
    expect([none.name, none.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
    const bad = await errorOf(() =>
      client.send(new UpdateFunctionUrlConfigCommand({ FunctionName: "upd", Cors: { MaxAge: -1 } })),
    );
    expect(bad.name).toBe("InvalidParameterValueException");
  });
});

describe("DeleteFunctionUrlConfig / ListFunctionUrlConfigs", () => {
  it("deletes (204); a new URL for the same target has a new address", async () => {
    await createFunction(client, "del");
    const first = await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "del", AuthType: "NONE" }));
    const deleted = await client.send(new DeleteFunctionUrlConfigCommand({ FunctionName: "del" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const again = await errorOf(() => client.send(new DeleteFunctionUrlConfigCommand({ FunctionName: "del" })));
    expect([again.name, again.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
    const second = await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "del", AuthType: "NONE" }));
    expect(second.FunctionUrl).not.toBe(first.FunctionUrl);
  });

  it("lists the function's and its aliases' URLs, paging stably while URLs are added", async () => {
    await createFunction(client, "many");
    await publishNewVersion(client, "many", "1");
    for (const alias of ["a", "b", "c"]) {
      await client.send(new CreateAliasCommand({ FunctionName: "many", Name: alias, FunctionVersion: "1" }));
    }
    for (const Qualifier of [undefined, "a", "c"]) {
      await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "many", Qualifier, AuthType: "NONE" }));
    }
    const pages = await allPages(
      async (marker) => {
        const r = await client.send(
          new ListFunctionUrlConfigsCommand({ FunctionName: "many", MaxItems: 2, Marker: marker }),
        );
        for (const c of r.FunctionUrlConfigs ?? []) {
          expect(c.FunctionUrl).toMatch(URL_SHAPE);
          expect(c.LastModifiedTime).toMatch(ISO);
        }
        return { items: (r.FunctionUrlConfigs ?? []).map((c) => c.FunctionArn), next: r.NextMarker };
      },
      async (index) => {
        if (index === 0)
          await client.send(
            new CreateFunctionUrlConfigCommand({ FunctionName: "many", Qualifier: "b", AuthType: "NONE" }),
          );
      },
    );
    expect(pages).toEqual([
      [`${ARN}:many`, `${ARN}:many:a`],
      [`${ARN}:many:b`, `${ARN}:many:c`],
    ]);
    const missing = await errorOf(() => client.send(new ListFunctionUrlConfigsCommand({ FunctionName: "nope" })));
    expect(missing.name).toBe("ResourceNotFoundException");
    const big = await errorOf(() =>
      client.send(new ListFunctionUrlConfigsCommand({ FunctionName: "many", MaxItems: 51 })),
    );
    expect(big.name).toBe("InvalidParameterValueException");
  });
});

it("keeps URLs across a restart, following the emulator's new port", async () => {
  await createFunction(client, "persist-url");
  const before = await client.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: "persist-url", AuthType: "NONE" }),
  );
  t = await t.restart();
  client = t.client;
  const after = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: "persist-url" }));
  expect(URL_SHAPE.exec(after.FunctionUrl ?? "")?.[1]).toBe(URL_SHAPE.exec(before.FunctionUrl ?? "")?.[1]);
  expect(URL_SHAPE.exec(after.FunctionUrl ?? "")?.[2]).toBe(String(t.emulator.port));
  expect(after.CreationTime).toBe(before.CreationTime);
});

it("removes every URL with the function", async () => {
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  await client.send(new CreateAliasCommand({ FunctionName: "gone", Name: "a", FunctionVersion: "1" }));
  await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: "gone", AuthType: "NONE" }));
  const aliasUrl = await client.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: "gone", Qualifier: "a", AuthType: "NONE" }),
  );
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.all(KIND.functionUrl, { parent: "gone" })).toEqual([]);
  expect(findFunctionUrl(t.emulator.ctx, URL_SHAPE.exec(aliasUrl.FunctionUrl ?? "")?.[1] ?? "")).toBeUndefined();
  await createFunction(client, "gone");
  expect((await client.send(new ListFunctionUrlConfigsCommand({ FunctionName: "gone" }))).FunctionUrlConfigs).toEqual(
    [],
  );
});
