/** Contract: code signing configurations and their attachment to functions, driven with the real SDK. */
import {
  CreateCodeSigningConfigCommand,
  CreateFunctionCommand,
  DeleteCodeSigningConfigCommand,
  DeleteFunctionCodeSigningConfigCommand,
  DeleteFunctionCommand,
  GetCodeSigningConfigCommand,
  GetFunctionCodeSigningConfigCommand,
  ListCodeSigningConfigsCommand,
  ListFunctionsByCodeSigningConfigCommand,
  ListTagsCommand,
  PutFunctionCodeSigningConfigCommand,
  UpdateCodeSigningConfigCommand,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

const PROFILE = "arn:aws:signer:us-east-1:000000000000:/signing-profiles/MyProfile/abcdef1234";
const CSC_ARN = /^arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-[a-z0-9]{17}$/;
const MISSING = "arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-0000000000000000a";

const createConfig = (extra: Partial<ConstructorParameters<typeof CreateCodeSigningConfigCommand>[0]> = {}) =>
  t.client.send(
    new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, ...extra }),
  );

function createFunction(name: string, extra: Partial<CreateFunctionCommandInput> = {}) {
  return t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
      ...extra,
    }),
  );
}

describe("CreateCodeSigningConfig / GetCodeSigningConfig", () => {
  it("creates a config with the service's id, ARN and defaults", async () => {
    const created = await createConfig();
    expect(created.$metadata.httpStatusCode).toBe(201);
    const csc = created.CodeSigningConfig;
    expect(csc?.CodeSigningConfigArn).toMatch(CSC_ARN);
    expect(csc?.CodeSigningConfigArn?.endsWith(`:${csc.CodeSigningConfigId}`)).toBe(true);
    expect(csc).toMatchObject({
      Description: "",
      AllowedPublishers: { SigningProfileVersionArns: [PROFILE] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Warn" },
    });
    expect(csc?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const got = await t.client.send(
      new GetCodeSigningConfigCommand({ CodeSigningConfigArn: csc?.CodeSigningConfigArn }),
    );
    expect(got.CodeSigningConfig).toEqual(csc);
  });

  it("keeps the policy, description and tags it was given", async () => {
    const created = await createConfig({
      Description: "prod signing",
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" },
      Tags: { team: "platform" },
    });
    expect(created.CodeSigningConfig).toMatchObject({
      Description: "prod signing",
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" },
    });
    const tags = await t.client.send(
      new ListTagsCommand({ Resource: created.CodeSigningConfig?.CodeSigningConfigArn }),
    );
    expect(tags.Tags).toEqual({ team: "platform" });
  });

  it("enforces 1–20 signing profiles and the policy enum", async () => {
    for (const arns of [[], Array.from({ length: 21 }, (_, i) => `${PROFILE}${i}`)]) {
      const e = await errorOf(() => createConfig({ AllowedPublishers: { SigningProfileVersionArns: arns } }));
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.$metadata?.httpStatusCode).toBe(400);
      expect(e.message).toMatch(/allowedPublishers\.signingProfileVersionArns/);
    }
    const badPolicy = await errorOf(() =>
      createConfig({ CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Block" as never } }),
    );
    expect(badPolicy.name).toBe("InvalidParameterValueException");
    const badArn = await errorOf(() => createConfig({ AllowedPublishers: { SigningProfileVersionArns: ["nope"] } }));
    expect(badArn.name).toBe("InvalidParameterValueException");
  });

  it("answers 404 for an unknown config and 400 for a malformed ARN", async () => {
    const missing = await errorOf(() =>
      t.client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: MISSING })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`The Lambda code signing configuration ${MISSING} can not be found.`);
    const malformed = await errorOf(() =>
      t.client.send(
        new GetCodeSigningConfigCommand({ CodeSigningConfigArn: "arn:aws:lambda:us-east-1:000000000000:csc" }),
      ),
    );
    expect(malformed.name).toBe("InvalidParameterValueException");
    expect(malformed.message).toMatch(/codeSigningConfigArn/);
  });
});

describe("UpdateCodeSigningConfig", () => {
  it("changes the given fields only and moves LastModified", async () => {
    const created = (await createConfig({ Description: "before" })).CodeSigningConfig;
    await new Promise((r) => setTimeout(r, 5)); // LastModified has millisecond resolution
    const updated = await t.client.send(
      new UpdateCodeSigningConfigCommand({
        CodeSigningConfigArn: created?.CodeSigningConfigArn,
        CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" },
      }),
    );
    expect(updated.CodeSigningConfig).toMatchObject({
      CodeSigningConfigArn: created?.CodeSigningConfigArn,
      Description: "before",
      AllowedPublishers: { SigningProfileVersionArns: [PROFILE] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" },
    });
    expect(updated.CodeSigningConfig?.LastModified).not.toBe(created?.LastModified);
    const second = await t.client.send(
      new UpdateCodeSigningConfigCommand({
        CodeSigningConfigArn: created?.CodeSigningConfigArn,
        Description: "after",
        AllowedPublishers: { SigningProfileVersionArns: [PROFILE, `${PROFILE}2`] },
      }),
    );
    expect(second.CodeSigningConfig).toMatchObject({
      Description: "after",
      AllowedPublishers: { SigningProfileVersionArns: [PROFILE, `${PROFILE}2`] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" },
    });
    const missing = await errorOf(() =>
      t.client.send(new UpdateCodeSigningConfigCommand({ CodeSigningConfigArn: MISSING, Description: "x" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });
});

describe("ListCodeSigningConfigs", () => {
  it("pages in creation order, stable while configs are created between pages", async () => {
    const p = await startEmulator();
    try {
      const make = async () =>
        (
          await p.client.send(
            new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] } }),
          )
        ).CodeSigningConfig?.CodeSigningConfigArn ?? "";
      const before = [await make(), await make(), await make(), await make(), await make()];
      const seen: string[] = [];
      let marker: string | undefined;
      const added: string[] = [];
      do {
        const page = await p.client.send(new ListCodeSigningConfigsCommand({ MaxItems: 2, Marker: marker }));
        expect(page.CodeSigningConfigs?.length).toBeLessThanOrEqual(2);
        seen.push(...(page.CodeSigningConfigs ?? []).map((c) => c.CodeSigningConfigArn ?? ""));
        marker = page.NextMarker;
        if (added.length === 0) added.push(await make());
      } while (marker);
      expect(seen).toEqual([...before, ...added]);
      const bad = await errorOf(() => p.client.send(new ListCodeSigningConfigsCommand({ Marker: "bogus" })));
      expect(bad.name).toBe("InvalidParameterValueException");
      const zero = await errorOf(() => p.client.send(new ListCodeSigningConfigsCommand({ MaxItems: 0 })));
      expect(zero.name).toBe("InvalidParameterValueException");
    } finally {
      await p.dispose();
    }
  });
});

describe("function code signing", () => {
  it("attaches, reads, lists and detaches a config; deleting the config is refused while in use", async () => {
    const arn = (await createConfig()).CodeSigningConfig?.CodeSigningConfigArn ?? "";
    await createFunction("signed-a", { CodeSigningConfigArn: arn });
    await createFunction("signed-b");

    const none = await t.client.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: "signed-b" }));
    expect(none.$metadata.httpStatusCode).toBe(200);
    expect(none.CodeSigningConfigArn).toBeUndefined();

    const put = await t.client.send(
      new PutFunctionCodeSigningConfigCommand({ FunctionName: "signed-b", CodeSigningConfigArn: arn }),
    );
    expect(put).toMatchObject({ CodeSigningConfigArn: arn, FunctionName: "signed-b" });
    const got = await t.client.send(
      new GetFunctionCodeSigningConfigCommand({
        FunctionName: "arn:aws:lambda:us-east-1:000000000000:function:signed-a",
      }),
    );
    expect(got).toMatchObject({ CodeSigningConfigArn: arn, FunctionName: "signed-a" });

    const listed = await t.client.send(new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
    expect(listed.FunctionArns).toEqual([
      "arn:aws:lambda:us-east-1:000000000000:function:signed-a",
      "arn:aws:lambda:us-east-1:000000000000:function:signed-b",
    ]);
    const first = await t.client.send(
      new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn: arn, MaxItems: 1 }),
    );
    expect(first.FunctionArns).toHaveLength(1);
    const second = await t.client.send(
      new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn: arn, MaxItems: 1, Marker: first.NextMarker }),
    );
    expect(second.FunctionArns).toEqual(["arn:aws:lambda:us-east-1:000000000000:function:signed-b"]);
    expect(second.NextMarker).toBeUndefined();

    const inUse = await errorOf(() => t.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn })));
    expect(inUse.name).toBe("ResourceConflictException");
    expect(inUse.$metadata?.httpStatusCode).toBe(409);

    const detached = await t.client.send(new DeleteFunctionCodeSigningConfigCommand({ FunctionName: "signed-b" }));
    expect(detached.$metadata.httpStatusCode).toBe(204);
    const after = await t.client.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: "signed-b" }));
    expect(after.CodeSigningConfigArn).toBeUndefined();
    // Deleting the function takes its attachment with it.
    await t.client.send(new DeleteFunctionCommand({ FunctionName: "signed-a" }));
    const empty = await t.client.send(new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
    expect(empty.FunctionArns).toEqual([]);

    const deleted = await t.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await errorOf(() => t.client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: arn })));
    expect(gone.name).toBe("ResourceNotFoundException");
    const again = await errorOf(() => t.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn })));
    expect(again.name).toBe("ResourceNotFoundException");
  });

  it("answers the documented errors", async () => {
    const arn = (await createConfig()).CodeSigningConfig?.CodeSigningConfigArn ?? "";
    const unknownCsc = await errorOf(() => createFunction("bad-csc", { CodeSigningConfigArn: MISSING }));
    expect(unknownCsc.name).toBe("CodeSigningConfigNotFoundException");
    expect(unknownCsc.$metadata?.httpStatusCode).toBe(404);

    await createFunction("plain");
    const putUnknown = await errorOf(() =>
      t.client.send(new PutFunctionCodeSigningConfigCommand({ FunctionName: "plain", CodeSigningConfigArn: MISSING })),
    );
    expect(putUnknown.name).toBe("CodeSigningConfigNotFoundException");
    expect(putUnknown.$metadata?.httpStatusCode).toBe(404);

    for (const call of [
      () =>
        t.client.send(new PutFunctionCodeSigningConfigCommand({ FunctionName: "ghost", CodeSigningConfigArn: arn })),
      () => t.client.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: "ghost" })),
      () => t.client.send(new DeleteFunctionCodeSigningConfigCommand({ FunctionName: "ghost" })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost");
    }
    const qualified = await errorOf(() =>
      t.client.send(new PutFunctionCodeSigningConfigCommand({ FunctionName: "plain:1", CodeSigningConfigArn: arn })),
    );
    expect(qualified.name).toBe("InvalidParameterValueException");
    const listMissing = await errorOf(() =>
      t.client.send(new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn: MISSING })),
    );
    expect(listMissing.name).toBe("ResourceNotFoundException");
  });

  it("accepts unsigned code under an Enforce policy, since signatures cannot be verified offline", async () => {
    const arn =
      (await createConfig({ CodeSigningPolicies: { UntrustedArtifactOnDeployment: "Enforce" } })).CodeSigningConfig
        ?.CodeSigningConfigArn ?? "";
    const created = await createFunction("enforced", { CodeSigningConfigArn: arn });
    expect(created.$metadata.httpStatusCode).toBe(201);
  });
});

describe("persistence", () => {
  it("keeps configs and attachments across a restart", async () => {
    let p = await startEmulator();
    try {
      const arn =
        (
          await p.client.send(
            new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] } }),
          )
        ).CodeSigningConfig?.CodeSigningConfigArn ?? "";
      await p.client.send(
        new CreateFunctionCommand({
          FunctionName: "kept",
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Role: ROLE,
          Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
          CodeSigningConfigArn: arn,
        }),
      );
      p.client.destroy();
      p = await p.restart();
      const got = await p.client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
      expect(got.CodeSigningConfig?.CodeSigningConfigArn).toBe(arn);
      const fn = await p.client.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: "kept" }));
      expect(fn.CodeSigningConfigArn).toBe(arn);
    } finally {
      await p.dispose();
    }
  });
});
