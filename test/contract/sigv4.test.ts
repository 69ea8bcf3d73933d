/** Contract: SigV4 verification answers the AWS error names for each way a request can fail it. */
import {
  GetFunctionCommand,
  LambdaClient,
  ListFunctionsCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, errorOf, startEmulator, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

describe("SigV4", () => {
  it("accepts the SDK's signed requests, including encoded path labels and query values", async () => {
    expect((await t.client.send(new ListFunctionsCommand({ MaxItems: 5 }))).Functions).toEqual([]);
    const e = await errorOf(() =>
      t.client.send(
        new GetFunctionCommand({
          FunctionName: "arn:aws:lambda:us-east-1:000000000000:function:x",
          Qualifier: "$LATEST",
        }),
      ),
    );
    // Reaching the handler (not found) proves the signature of ':'/'$' labels verified.
    expect(e.name).toBe("ResourceNotFoundException");
  });

  it("refuses a wrong secret with InvalidSignatureException (403)", async () => {
    const c = clientFor(t.emulator.url, { accessKeyId: "test", secretAccessKey: "wrong" });
    const e = await errorOf(() => c.send(new ListFunctionsCommand({})));
    expect(e.name).toBe("InvalidSignatureException");
    expect(e.$metadata?.httpStatusCode).toBe(403);
  });

  it("refuses an unknown access key with UnrecognizedClientException (403)", async () => {
    const c = clientFor(t.emulator.url, { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "test" });
    const e = await errorOf(() => c.send(new ListFunctionsCommand({})));
    expect(e.name).toBe("UnrecognizedClientException");
    expect(e.$metadata?.httpStatusCode).toBe(403);
  });

  it("refuses an unsigned request with MissingAuthenticationTokenException (403)", async () => {
    const res = await fetch(`${t.emulator.url}/2015-03-31/functions`);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await res.json()).toMatchObject({ message: "Missing Authentication Token" });
  });

  it("refuses a signature more than 5 minutes off the server clock", async () => {
    for (const offset of [-6 * 60_000, 6 * 60_000]) {
      const c = new LambdaClient({
        endpoint: t.emulator.url,
        region: "us-east-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        systemClockOffset: offset,
        maxAttempts: 1,
      });
      const e = await errorOf(() => c.send(new ListFunctionsCommand({})));
      expect(e.name).toBe("InvalidSignatureException");
      expect(e.message).toMatch(/Signature (expired|not yet current)/);
    }
  });

  it("refuses a replayed request whose body was changed", async () => {
    // Sign a real request, then send it with another body but the same headers.
    let captured: { headers: Record<string, string>; body: string } | undefined;
    const c = clientFor(t.emulator.url);
    c.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { headers: Record<string, string>; body: string };
        captured = { headers: { ...req.headers }, body: String(req.body) };
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await errorOf(() => c.send(new UpdateFunctionConfigurationCommand({ FunctionName: "x", MemorySize: 256 })));
    expect(captured).toBeDefined();
    const headers = { ...captured?.headers };
    delete headers.host;
    delete headers["content-length"];
    const res = await fetch(`${t.emulator.url}/2015-03-31/functions/x/configuration`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ MemorySize: 1024 }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
  });
});

describe("wire format", () => {
  it("answers unknown routes with UnknownOperationException", async () => {
    const c = clientFor(t.emulator.url);
    // A signed request to a path the API does not have.
    const { SignatureV4 } = await import("@smithy/signature-v4");
    const { Sha256 } = await import("@smithy/core/checksum");
    const signer = new SignatureV4({
      service: "lambda",
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      sha256: Sha256,
    });
    const url = new URL(`${t.emulator.url}/2015-03-31/nothing-here`);
    const signed = await signer.sign({
      method: "GET",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host },
    });
    const res = await fetch(url, { headers: signed.headers as Record<string, string> });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    c.destroy();
  });
});
