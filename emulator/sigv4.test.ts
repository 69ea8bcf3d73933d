/**
 * The synchronous SigV4 check against the SDK's own signer (@smithy/signature-v4) on request shapes the
 * contract tests do not reach directly: repeated and escaped query keys, dot segments, session tokens,
 * botocore-style signing without x-amz-content-sha256, multi-space header values, and tampering.
 */
import type { IncomingMessage } from "node:http";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { rawTargetOf, SigV4Verifier } from "./sigv4";

const creds = { accessKeyId: "AKID", secretAccessKey: "secret/with+chars=" };
const verifier = new SigV4Verifier((k) => (k === creds.accessKeyId ? creds.secretAccessKey : undefined));

interface Shape {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  sessionToken?: string;
  /** Send x-amz-content-sha256 as the SDK does (botocore does not). */
  contentSha?: boolean;
}

interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

const asMessage = (r: FakeRequest) => r as unknown as IncomingMessage;

/** Signs `shape` with SignatureV4 and returns what an http server would see. */
async function signed(shape: Shape): Promise<{ req: FakeRequest; body: Buffer }> {
  const signer = new SignatureV4({
    service: "lambda",
    region: "us-east-1",
    credentials: { ...creds, ...(shape.sessionToken ? { sessionToken: shape.sessionToken } : {}) },
    sha256: Sha256,
    applyChecksum: shape.contentSha ?? true,
  });
  const body = Buffer.from(shape.body ?? "");
  const out = await signer.sign({
    method: shape.method,
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 9001,
    path: shape.path,
    query: shape.query ?? {},
    headers: { host: "127.0.0.1:9001", ...shape.headers },
    body: body.length ? body : undefined,
  });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(out.headers)) headers[k.toLowerCase()] = String(v).trim();
  const qs = Object.entries(shape.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join("&");
  return { req: { method: shape.method, url: `${shape.path}${qs ? `?${qs}` : ""}`, headers }, body };
}

const shapes: Record<string, Shape> = {
  "encoded path labels": {
    method: "GET",
    path: "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Ax/configuration",
  },
  "repeated and escaped query keys": {
    method: "GET",
    path: "/2025-12-01/functions/f/durable-executions",
    query: { Statuses: ["SUCCEEDED", "a b+c*"], "a b": "c+d/e=f*", Marker: "x!y'z(1)" },
  },
  "dot segments and a trailing slash": { method: "GET", path: "/2015-03-31/./functions/../functions/" },
  "JSON body with a session token": {
    method: "PUT",
    path: "/2015-03-31/functions/f/configuration",
    body: '{"MemorySize":256}',
    headers: { "content-type": "application/json" },
    sessionToken: "token/with+chars",
  },
  "botocore style (no x-amz-content-sha256)": {
    method: "POST",
    path: "/2015-03-31/functions/f/invocations",
    body: '{"k":1}',
    contentSha: false,
  },
  "header value with inner and edge spaces": {
    method: "GET",
    path: "/2015-03-31/functions",
    headers: { "x-amz-meta": "a   b\tc" },
  },
};

describe("SigV4Verifier.verifyHeaders", () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(`accepts ${name}`, async () => {
      const { req, body } = await signed(shape);
      expect(verifier.verifyHeaders(asMessage(req), body, "lambda", rawTargetOf(req.url))).toEqual({
        accessKeyId: "AKID",
        region: "us-east-1",
      });
    });
  }

  it("refuses a changed path, query, body, signed header or secret", async () => {
    const base = shapes["JSON body with a session token"] as Shape;
    const { req, body } = await signed({ ...base, query: { Qualifier: "1" } });
    const attempt =
      (r: FakeRequest, b: Buffer, v = verifier) =>
      () =>
        v.verifyHeaders(asMessage(r), b, "lambda", rawTargetOf(r.url));
    expect(attempt(req, body)).not.toThrow();
    expect(attempt({ ...req, url: req.url.replace("/f/", "/g/") }, body)).toThrow(/signature/);
    expect(attempt({ ...req, url: req.url.replace("Qualifier=1", "Qualifier=2") }, body)).toThrow(/signature/);
    expect(attempt(req, Buffer.from('{"MemorySize":512}'))).toThrow(/signature/);
    const headers = { ...req.headers, "x-amz-security-token": "other" };
    expect(attempt({ ...req, headers }, body)).toThrow(/signature/);
    const wrong = new SigV4Verifier(() => "not-the-secret");
    expect(attempt(req, body, wrong)).toThrow(/signature/);
  });

  it("refuses a SignedHeaders list that is not sorted", async () => {
    const { req, body } = await signed(shapes["encoded path labels"] as Shape);
    const auth = String(req.headers.authorization);
    const list = /SignedHeaders=([^,]+)/.exec(auth)?.[1] ?? "";
    const reversed = list.split(";").reverse().join(";");
    const headers = { ...req.headers, authorization: auth.replace(list, reversed) };
    expect(() => verifier.verifyHeaders(asMessage({ ...req, headers }), body, "lambda", rawTargetOf(req.url))).toThrow(
      /signature/,
    );
  });

  it("leaves query-string (presigned) requests to verify()", async () => {
    const req = asMessage({ method: "GET", url: "/x?X-Amz-Signature=abc", headers: {} });
    expect(
      verifier.verifyHeaders(req, Buffer.alloc(0), "lambda", { path: "/x", query: { "X-Amz-Signature": "abc" } }),
    ).toBeUndefined();
  });
});
