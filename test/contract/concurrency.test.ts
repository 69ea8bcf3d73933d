/**
 * Contract: reserved concurrency (Put/Get/DeleteFunctionConcurrency) and provisioned concurrency
 * (Put/Get/Delete/ListProvisionedConcurrencyConfigs) driven with the real SDK, plus the provisioner hook
 * the runtime uses to pre-initialise environments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetProvisionedConcurrencyConfigCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PutFunctionConcurrencyCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateAliasCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import {
  getProvisionedConcurrency,
  setProvisionedConcurrencyProvisioner,
  type ProvisionedConcurrencyTarget,
} from "../../emulator/functions/provisioned-concurrency";
import { KIND } from "../../emulator/store/kinds";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { allPages, createFunction, eventually, publishNewVersion } from "../support/control-plane";

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

const getConfig = (FunctionName: string, Qualifier: string) =>
  client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName, Qualifier }));

const ready = (FunctionName: string, Qualifier: string) =>
  eventually(
    () => getConfig(FunctionName, Qualifier),
    (c) => c.Status !== "IN_PROGRESS",
  );

describe("reserved concurrency", () => {
  it("puts, gets (also in GetFunction) and deletes a reservation", async () => {
    await createFunction(client, "reserved");
    const none = await client.send(new GetFunctionConcurrencyCommand({ FunctionName: "reserved" }));
    expect(none.ReservedConcurrentExecutions).toBeUndefined();
    const put = await client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "reserved", ReservedConcurrentExecutions: 10 }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(put.ReservedConcurrentExecutions).toBe(10);
    expect(
      (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: `${ARN}:reserved` })))
        .ReservedConcurrentExecutions,
    ).toBe(10);
    expect((await client.send(new GetFunctionCommand({ FunctionName: "reserved" }))).Concurrency).toEqual({
      ReservedConcurrentExecutions: 10,
    });
    // The runtime reads exactly this document to throttle.
    expect(t.emulator.ctx.resources.get(KIND.concurrency, "reserved")).toEqual({ ReservedConcurrentExecutions: 10 });
    const settings = await client.send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit?.UnreservedConcurrentExecutions).toBe(990);
    const deleted = await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "reserved" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(
      (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: "reserved" }))).ReservedConcurrentExecutions,
    ).toBeUndefined();
    // Deleting again is fine; zero is a valid reservation (the function is throttled).
    await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "reserved" }));
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "reserved", ReservedConcurrentExecutions: 0 }));
    await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "reserved" }));
  });

  it("keeps at least 100 of the account's 1000 unreserved", async () => {
    await createFunction(client, "big-a");
    await createFunction(client, "big-b");
    const message =
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].";
    const alone = await errorOf(() =>
      client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-a", ReservedConcurrentExecutions: 901 })),
    );
    expect([alone.name, alone.$metadata?.httpStatusCode, alone.message]).toEqual([
      "InvalidParameterValueException",
      400,
      message,
    ]);
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-a", ReservedConcurrentExecutions: 500 }));
    const together = await errorOf(() =>
      client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-b", ReservedConcurrentExecutions: 401 })),
    );
    expect(together.message).toBe(message);
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-b", ReservedConcurrentExecutions: 400 }));
    // Changing a function's own reservation does not count the old value twice.
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-a", ReservedConcurrentExecutions: 500 }));
    await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "big-a" }));
    await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "big-b" }));
  });

  it("answers InvalidParameterValueException for negatives and ResourceNotFoundException for missing functions", async () => {
    const negative = await errorOf(() =>
      client.send(new PutFunctionConcurrencyCommand({ FunctionName: "big-a", ReservedConcurrentExecutions: -1 })),
    );
    expect(negative.name).toBe("InvalidParameterValueException");
    expect(negative.message).toContain("reservedConcurrentExecutions");
    for (const send of [
      () => client.send(new PutFunctionConcurrencyCommand({ FunctionName: "nope", ReservedConcurrentExecutions: 1 })),
      () => client.send(new GetFunctionConcurrencyCommand({ FunctionName: "nope" })),
      () => client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "nope" })),
    ]) {
      const e = await errorOf(send);
      expect([e.name, e.$metadata?.httpStatusCode, e.message]).toEqual([
        "ResourceNotFoundException",
        404,
        `Function not found: ${ARN}:nope`,
      ]);
    }
  });
});

describe("provisioned concurrency", () => {
  beforeAll(async () => {
    await createFunction(client, "pc");
    for (const d of ["1", "2", "3", "4"]) await publishNewVersion(client, "pc", d);
    await client.send(new CreateAliasCommand({ FunctionName: "pc", Name: "live", FunctionVersion: "2" }));
  });

  it("goes IN_PROGRESS (202, nothing allocated) then READY with everything allocated", async () => {
    const put = await client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "pc",
        Qualifier: "1",
        ProvisionedConcurrentExecutions: 3,
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(202);
    expect(put).toMatchObject({
      RequestedProvisionedConcurrentExecutions: 3,
      AllocatedProvisionedConcurrentExecutions: 0,
      AvailableProvisionedConcurrentExecutions: 0,
      Status: "IN_PROGRESS",
    });
    expect(put.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const done = await ready("pc", "1");
    expect(done).toMatchObject({
      RequestedProvisionedConcurrentExecutions: 3,
      AllocatedProvisionedConcurrentExecutions: 3,
      AvailableProvisionedConcurrentExecutions: 3,
      Status: "READY",
      LastModified: put.LastModified,
    });
    expect(done.StatusReason).toBeUndefined();
  });

  it("applies to aliases, and follows an alias to its new version", async () => {
    await client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "pc",
        Qualifier: "live",
        ProvisionedConcurrentExecutions: 2,
      }),
    );
    expect((await ready("pc", "live")).Status).toBe("READY");
    expect(getProvisionedConcurrency(t.emulator.ctx, "pc", "live")?.Version).toBe("2");
    await client.send(new UpdateAliasCommand({ FunctionName: "pc", Name: "live", FunctionVersion: "3" }));
    expect(getProvisionedConcurrency(t.emulator.ctx, "pc", "live")).toMatchObject({ Version: "3" });
    expect((await ready("pc", "live")).Status).toBe("READY");
  });

  it("refuses $LATEST, missing versions and aliases", async () => {
    const put = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "$LATEST",
          ProvisionedConcurrentExecutions: 1,
        }),
      ),
    );
    expect([put.name, put.$metadata?.httpStatusCode, put.message]).toEqual([
      "InvalidParameterValueException",
      400,
      "Provisioned Concurrency Configs cannot be applied to unpublished function versions.",
    ]);
    const get = await errorOf(() => getConfig("pc", "$LATEST"));
    expect(get.name).toBe("InvalidParameterValueException");
    const version = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "99",
          ProvisionedConcurrentExecutions: 1,
        }),
      ),
    );
    expect([version.name, version.$metadata?.httpStatusCode, version.message]).toEqual([
      "ResourceNotFoundException",
      404,
      `Function not found: ${ARN}:pc:99`,
    ]);
    const alias = await errorOf(() => getConfig("pc", "ghost"));
    expect([alias.name, alias.message]).toEqual([
      "ResourceNotFoundException",
      `Cannot find alias arn: ${ARN}:pc:ghost`,
    ]);
    const zero = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "1",
          ProvisionedConcurrentExecutions: 0,
        }),
      ),
    );
    expect(zero.name).toBe("InvalidParameterValueException");
  });

  it("answers ProvisionedConcurrencyConfigNotFoundException when a qualifier has none", async () => {
    const e = await errorOf(() => getConfig("pc", "4"));
    expect([e.name, e.$metadata?.httpStatusCode, e.message]).toEqual([
      "ProvisionedConcurrencyConfigNotFoundException",
      404,
      "No Provisioned Concurrency Config found for this function",
    ]);
  });

  it("refuses provisioning one version both directly and through an alias", async () => {
    // Version 1 is provisioned directly above; an alias on it may not be.
    await client.send(new CreateAliasCommand({ FunctionName: "pc", Name: "on-one", FunctionVersion: "1" }));
    const viaAlias = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "on-one",
          ProvisionedConcurrentExecutions: 1,
        }),
      ),
    );
    expect([viaAlias.name, viaAlias.$metadata?.httpStatusCode]).toEqual(["ResourceConflictException", 409]);
    // Version 3 is provisioned through alias "live"; the version itself may not be.
    const direct = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "3",
          ProvisionedConcurrentExecutions: 1,
        }),
      ),
    );
    expect([direct.name, direct.message]).toEqual([
      "ResourceConflictException",
      "Version is pointed by a Provisioned Concurrency alias",
    ]);
  });

  it("checks provisioned against reserved concurrency, both ways", async () => {
    await createFunction(client, "pc-reserved");
    await publishNewVersion(client, "pc-reserved", "1");
    await publishNewVersion(client, "pc-reserved", "2");
    await client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "pc-reserved", ReservedConcurrentExecutions: 5 }),
    );
    await client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "pc-reserved",
        Qualifier: "1",
        ProvisionedConcurrentExecutions: 3,
      }),
    );
    const over = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc-reserved",
          Qualifier: "2",
          ProvisionedConcurrentExecutions: 3,
        }),
      ),
    );
    expect([over.name, over.message]).toEqual([
      "InvalidParameterValueException",
      "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function",
    ]);
    const lower = await errorOf(() =>
      client.send(new PutFunctionConcurrencyCommand({ FunctionName: "pc-reserved", ReservedConcurrentExecutions: 2 })),
    );
    expect(lower.name).toBe("InvalidParameterValueException");
    const account = await errorOf(() =>
      client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc",
          Qualifier: "4",
          ProvisionedConcurrentExecutions: 1000,
        }),
      ),
    );
    expect(account.name).toBe("InvalidParameterValueException");
    expect(account.message).toContain("unreserved concurrency");
  });

  it("lists configs with qualified ARNs, paging stably while configs are added", async () => {
    await createFunction(client, "pc-list");
    for (const d of ["1", "2", "3", "4"]) await publishNewVersion(client, "pc-list", d);
    for (const q of ["1", "2", "3"]) {
      await client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "pc-list",
          Qualifier: q,
          ProvisionedConcurrentExecutions: 1,
        }),
      );
    }
    const pages = await allPages(
      async (marker) => {
        const r = await client.send(
          new ListProvisionedConcurrencyConfigsCommand({ FunctionName: "pc-list", MaxItems: 2, Marker: marker }),
        );
        return { items: (r.ProvisionedConcurrencyConfigs ?? []).map((c) => c.FunctionArn), next: r.NextMarker };
      },
      async (index) => {
        if (index === 0) {
          await client.send(
            new PutProvisionedConcurrencyConfigCommand({
              FunctionName: "pc-list",
              Qualifier: "4",
              ProvisionedConcurrentExecutions: 1,
            }),
          );
        }
      },
    );
    expect(pages).toEqual([
      [`${ARN}:pc-list:1`, `${ARN}:pc-list:2`],
      [`${ARN}:pc-list:3`, `${ARN}:pc-list:4`],
    ]);
    const big = await errorOf(() =>
      client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: "pc-list", MaxItems: 51 })),
    );
    expect(big.name).toBe("InvalidParameterValueException");
    const missing = await errorOf(() =>
      client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: "nope" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("deletes (204), idempotently", async () => {
    await client.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "pc",
        Qualifier: "4",
        ProvisionedConcurrentExecutions: 1,
      }),
    );
    const deleted = await client.send(
      new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "pc", Qualifier: "4" }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(() => getConfig("pc", "4"))).name).toBe("ProvisionedConcurrencyConfigNotFoundException");
    await client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "pc", Qualifier: "4" }));
    const latest = await errorOf(() =>
      client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "pc", Qualifier: "$LATEST" })),
    );
    expect(latest.name).toBe("InvalidParameterValueException");
  });
});

describe("provisioner hook", () => {
  it("lets the runtime decide when a config is READY or FAILED, and tells it what to release", async () => {
    const calls: ProvisionedConcurrencyTarget[] = [];
    const released: string[] = [];
    const pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
    setProvisionedConcurrencyProvisioner(t.emulator.ctx, {
      allocate: (target) => {
        calls.push(target);
        return new Promise<void>((resolve, reject) => pending.set(target.qualifier, { resolve, reject }));
      },
      release: (target) => released.push(`${target.functionName}:${target.qualifier}`),
    });
    try {
      await createFunction(client, "hooked");
      await publishNewVersion(client, "hooked", "1");
      await client.send(new CreateAliasCommand({ FunctionName: "hooked", Name: "warm", FunctionVersion: "1" }));
      await client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "hooked",
          Qualifier: "warm",
          ProvisionedConcurrentExecutions: 2,
        }),
      );
      expect(calls[0]).toEqual({ functionName: "hooked", qualifier: "warm", version: "1", requested: 2 });
      expect((await getConfig("hooked", "warm")).Status).toBe("IN_PROGRESS");
      pending.get("warm")?.resolve();
      expect((await ready("hooked", "warm")).AvailableProvisionedConcurrentExecutions).toBe(2);

      await publishNewVersion(client, "hooked", "2");
      await client.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "hooked",
          Qualifier: "2",
          ProvisionedConcurrentExecutions: 1,
        }),
      );
      pending.get("2")?.reject(new Error("Could not start the environment"));
      const failed = await ready("hooked", "2");
      expect(failed).toMatchObject({
        Status: "FAILED",
        StatusReason: "Could not start the environment",
        AllocatedProvisionedConcurrentExecutions: 0,
        AvailableProvisionedConcurrentExecutions: 0,
      });

      await client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "hooked", Qualifier: "warm" }));
      expect(released).toEqual(["hooked:warm"]);
    } finally {
      setProvisionedConcurrencyProvisioner(t.emulator.ctx, undefined);
    }
  });
});

it("keeps configs across a restart and finishes allocations left IN_PROGRESS", async () => {
  await createFunction(client, "persist-pc");
  await publishNewVersion(client, "persist-pc", "1");
  await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "persist-pc", ReservedConcurrentExecutions: 7 }));
  // An allocator that never finishes leaves the config IN_PROGRESS when the emulator stops.
  setProvisionedConcurrencyProvisioner(t.emulator.ctx, { allocate: () => new Promise(() => {}), release: () => {} });
  await client.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName: "persist-pc",
      Qualifier: "1",
      ProvisionedConcurrentExecutions: 4,
    }),
  );
  t = await t.restart();
  client = t.client;
  expect(
    (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: "persist-pc" }))).ReservedConcurrentExecutions,
  ).toBe(7);
  expect(await ready("persist-pc", "1")).toMatchObject({
    Status: "READY",
    AvailableProvisionedConcurrentExecutions: 4,
  });
});

it("removes reserved and provisioned concurrency with the function", async () => {
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  await client.send(new PutFunctionConcurrencyCommand({ FunctionName: "gone", ReservedConcurrentExecutions: 3 }));
  await client.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName: "gone",
      Qualifier: "1",
      ProvisionedConcurrentExecutions: 1,
    }),
  );
  await client.send(new DeleteFunctionCommand({ FunctionName: "gone" }));
  expect(t.emulator.ctx.resources.get(KIND.concurrency, "gone")).toBeUndefined();
  expect(t.emulator.ctx.resources.all(KIND.provisionedConcurrency, { parent: "gone" })).toEqual([]);
  await createFunction(client, "gone");
  await publishNewVersion(client, "gone", "1");
  expect(
    (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: "gone" }))).ReservedConcurrentExecutions,
  ).toBeUndefined();
  expect((await errorOf(() => getConfig("gone", "1"))).name).toBe("ProvisionedConcurrencyConfigNotFoundException");
});
