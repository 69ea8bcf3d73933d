/**
 * Contract: function URLs served by the emulator, reached both as the URL itself (Host
 * `<id>.lambda-url.us-east-1.localhost:<port>`, resolved to loopback here as browsers do) and through the
 * path form `/_lambda-url/<id>/…`. Auth (NONE + resource policy, AWS_IAM + SigV4), the payload-2.0 event,
 * response mapping, cookies, binary bodies, CORS, BUFFERED vs RESPONSE_STREAM, limits and unknown URLs.
 */
import { request, type IncomingHttpHeaders } from "node:http";
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  DeleteFunctionUrlConfigCommand,
  PublishVersionCommand,
  type CreateFunctionUrlConfigCommandInput,
} from "@aws-sdk/client-lambda";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy } from "./runtime-support";
import { readBody, startGate, type Gate } from "./stream-support";

let t: TestEmulator;
let gate: Gate;

interface Url {
  id: string;
  /** FunctionUrl as the API returns it. */
  url: string;
}

/** Creates a URL; for NONE also the public-invoke permission the Lambda console adds (unless told not to). */
async function createUrl(
  fn: string,
  config: Partial<CreateFunctionUrlConfigCommandInput> = {},
  permit = true,
): Promise<Url> {
  const created = await t.client.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: fn, AuthType: "NONE", ...config }),
  );
  const url = created.FunctionUrl ?? "";
  if ((config.AuthType ?? "NONE") === "NONE" && permit) {
    await t.client.send(
      new AddPermissionCommand({
        FunctionName: fn,
        ...(config.Qualifier ? { Qualifier: config.Qualifier } : {}),
        StatementId: "FunctionURLAllowPublicAccess",
        Action: "lambda:InvokeFunctionUrl",
        Principal: "*",
        FunctionUrlAuthType: "NONE",
      }),
    );
  }
  return { id: new URL(url).hostname.split(".")[0] ?? "", url };
}

const pathForm = (u: Url, path = "/") => `${t.emulator.url}/_lambda-url/${u.id}${path}`;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request to the URL itself; its *.localhost host name resolves to loopback, as in a browser. */
function viaHost(
  u: Url,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  const target = new URL(u.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        lookup: (_host, opts, callback) => {
          // Node asks for all addresses when it races IPv4/IPv6 (autoSelectFamily).
          if ((opts as { all?: boolean }).all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
          else (callback as (e: null, a: string, f: number) => void)(null, "127.0.0.1", 4);
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** SigV4 headers (service lambda) for a request to `url`, as a signing HTTP client makes them. */
async function signed(
  url: string,
  method: string,
  body = "",
  credentials = { accessKeyId: "test", secretAccessKey: "test" },
): Promise<Record<string, string>> {
  const u = new URL(url);
  const signer = new SignatureV4({ service: "lambda", region: "us-east-1", credentials, sha256: Sha256 });
  const headers: Record<string, string> = { host: u.host };
  if (body) headers["content-type"] = "application/json";
  const out = await signer.sign({
    method,
    protocol: u.protocol,
    hostname: u.hostname,
    port: Number(u.port),
    path: u.pathname,
    query: Object.fromEntries(u.searchParams),
    headers,
    body,
  });
  return out.headers as Record<string, string>;
}

const ECHO = `exports.handler = async (event) => {
  if (event.requestContext.http.method === "OPTIONS") throw new Error("preflights must not reach the function");
  return { statusCode: 200, headers: { "content-type": "application/json", "access-control-allow-origin": "https://evil.example" }, body: JSON.stringify(event) };
};`;

const STREAMER = `exports.handler = awslambda.streamifyResponse(async (event, stream) => {
  stream = awslambda.HttpResponseStream.from(stream, {
    statusCode: 206, headers: { "content-type": "text/plain", "x-streamed": "yes" }, cookies: ["s1=a", "s2=b"],
  });
  const q = event.queryStringParameters || {};
  for (let i = 0; i < 3; i++) {
    if (i > 0 && q.gate) await fetch(q.gate + "/" + q.tag + "-" + i);
    stream.write("piece-" + i + ";");
  }
  stream.end();
});`;

beforeAll(async () => {
  t = await startEmulator();
  gate = await startGate();
  await deploy(t.client, "echo", { "index.js": ECHO });
  await deploy(t.client, "shapes", {
    "index.js": `exports.handler = async (event) => {
  const kind = event.rawPath.slice(1);
  switch (kind) {
    case "full": return { statusCode: 201, headers: { "x-one": "1", "content-type": "text/plain" }, cookies: ["a=1; Path=/", "b=2"], body: "created" };
    case "binary": return { statusCode: 200, headers: { "content-type": "image/png" }, isBase64Encoded: true, body: Buffer.from([0, 1, 2, 253, 254, 255]).toString("base64") };
    case "string": return "just text";
    case "object": return { hello: "world" };
    case "bad-status": return { statusCode: "teapot", body: "x" };
    case "throw": throw new Error("handler failed");
    default: return { statusCode: 404, body: "no such shape" };
  }
};`,
  });
  await deploy(t.client, "streamer", { "index.js": STREAMER }, { Timeout: 10 });
});

afterAll(async () => {
  await gate?.close();
  await t?.dispose();
});

describe("function URL addressing and auth", () => {
  it("answers on the URL's own host and on the path form, and 404s unknown or deleted URLs", async () => {
    const u = await createUrl("echo");
    expect(u.url).toMatch(/^http:\/\/[a-z0-9]{32}\.lambda-url\.us-east-1\.localhost:\d+\/$/);
    const byHost = await viaHost(u, "/via-host");
    expect(byHost.status).toBe(200);
    const event = JSON.parse(byHost.body.toString()) as { rawPath: string; headers: Record<string, string> };
    expect(event.rawPath).toBe("/via-host");
    expect(event.headers.host).toBe(new URL(u.url).host);
    const byPath = await fetch(pathForm(u, "/via-path"));
    expect(byPath.status).toBe(200);
    expect(((await byPath.json()) as { rawPath: string }).rawPath).toBe("/via-path");

    const unknown = { id: "0".repeat(32), url: u.url.replace(u.id, "0".repeat(32)) };
    expect((await viaHost(unknown, "/")).status).toBe(404);
    const missing = await fetch(pathForm(unknown));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ Message: "Not Found" });
    await t.client.send(new DeleteFunctionUrlConfigCommand({ FunctionName: "echo" }));
    expect((await fetch(pathForm(u))).status).toBe(404);
  });

  it("AuthType NONE needs the public InvokeFunctionUrl permission: 403 Forbidden without it", async () => {
    await deploy(t.client, "public", { "index.js": ECHO });
    const u = await createUrl("public", {}, false);
    const denied = await fetch(pathForm(u));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ Message: "Forbidden" });
    // A statement for another auth type does not open the URL either.
    await t.client.send(
      new AddPermissionCommand({
        FunctionName: "public",
        StatementId: "iam-only",
        Action: "lambda:InvokeFunctionUrl",
        Principal: "*",
        FunctionUrlAuthType: "AWS_IAM",
      }),
    );
    expect((await fetch(pathForm(u))).status).toBe(403);
    await t.client.send(
      new AddPermissionCommand({
        FunctionName: "public",
        StatementId: "FunctionURLAllowPublicAccess",
        Action: "lambda:InvokeFunctionUrl",
        Principal: "*",
        FunctionUrlAuthType: "NONE",
      }),
    );
    const allowed = await fetch(pathForm(u));
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { requestContext: { accountId: string } }).requestContext.accountId).toBe(
      "anonymous",
    );
  });

  it("AuthType AWS_IAM needs a valid SigV4 signature (service lambda) and passes the caller to the function", async () => {
    await deploy(t.client, "private", { "index.js": ECHO });
    const u = await createUrl("private", { AuthType: "AWS_IAM" });
    const unsigned = await fetch(pathForm(u, "/p"));
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ Message: "Forbidden" });

    const wrong = await fetch(pathForm(u, "/p"), {
      headers: await signed(pathForm(u, "/p"), "GET", "", { accessKeyId: "test", secretAccessKey: "nope" }),
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { Message: string }).Message).toMatch(/signature we calculated does not match/);

    const body = '{"signed":true}';
    const ok = await fetch(pathForm(u, "/p"), {
      method: "POST",
      body,
      headers: await signed(pathForm(u, "/p"), "POST", body),
    });
    expect(ok.status).toBe(200);
    const event = (await ok.json()) as { body: string; requestContext: Record<string, unknown> };
    expect(event.body).toBe(body);
    expect(event.requestContext.accountId).toBe("000000000000");
    expect(event.requestContext.authorizer).toEqual({
      iam: expect.objectContaining({ accessKey: "test", accountId: "000000000000" }) as unknown,
    });

    // Signed for the URL's own host, sent there.
    const hostUrl = `${u.url}h`;
    const byHost = await viaHost(u, "/h", { headers: await signed(hostUrl, "GET") });
    expect(byHost.status).toBe(200);
  });

  it("an alias URL runs the alias's version and reads the alias's policy", async () => {
    const v = await t.client.send(new PublishVersionCommand({ FunctionName: "shapes" }));
    await t.client.send(new CreateAliasCommand({ FunctionName: "shapes", Name: "live", FunctionVersion: v.Version }));
    const u = await createUrl("shapes", { Qualifier: "live" });
    const res = await fetch(pathForm(u, "/full"));
    expect(res.status).toBe(201);
  });
});

describe("the payload-2.0 event", () => {
  let u: Url;
  beforeAll(async () => {
    await deploy(t.client, "event", { "index.js": ECHO });
    u = await createUrl("event");
  });

  it("carries the request: path, query, headers (lower-cased), cookies, body and requestContext", async () => {
    const res = await fetch(pathForm(u, "/a/b%20c?x=1&x=2&y=hello%20world&flag"), {
      method: "POST",
      body: "plain text body",
      headers: {
        "Content-Type": "text/plain",
        "X-Custom-Header": "Value",
        Cookie: "c1=v1; c2=v2",
        "User-Agent": "contract-test/1.0",
      },
    });
    expect(res.status).toBe(200);
    const event = (await res.json()) as Record<string, unknown> & {
      headers: Record<string, string>;
      requestContext: Record<string, unknown> & { http: Record<string, unknown>; time: string };
    };
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/a/b%20c",
      rawQueryString: "x=1&x=2&y=hello%20world&flag",
      cookies: ["c1=v1", "c2=v2"],
      queryStringParameters: { x: "1,2", y: "hello world", flag: "" },
      body: "plain text body",
      isBase64Encoded: false,
      pathParameters: null,
      stageVariables: null,
    });
    expect(event.headers["x-custom-header"]).toBe("Value");
    expect(event.headers["content-type"]).toBe("text/plain");
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext).toMatchObject({
      accountId: "anonymous",
      apiId: u.id,
      domainName: `${u.id}.lambda-url.us-east-1.localhost`,
      domainPrefix: u.id,
      http: {
        method: "POST",
        path: "/a/b c",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "contract-test/1.0",
      },
      requestId: res.headers.get("x-amzn-requestid"),
      routeKey: "$default",
      stage: "$default",
    });
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(Number(event.requestContext.timeEpoch) - Date.now())).toBeLessThan(60_000);
  });

  it("base64-encodes binary bodies and leaves out absent ones", async () => {
    const bytes = Buffer.from([0, 1, 2, 127, 128, 255]);
    const res = await fetch(pathForm(u, "/bin"), {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    const event = (await res.json()) as { body: string; isBase64Encoded: boolean };
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, "base64").equals(bytes)).toBe(true);
    const empty = (await (await fetch(pathForm(u, "/empty"))).json()) as Record<string, unknown>;
    expect(empty.body).toBeUndefined();
    expect(empty.isBase64Encoded).toBe(false);
    expect(empty.queryStringParameters).toBeUndefined();
    expect(empty.cookies).toBeUndefined();
  });

  it("refuses a request body over 6 MB with 413", async () => {
    const res = await fetch(pathForm(u, "/big"), {
      method: "POST",
      body: Buffer.alloc(6 * 1024 * 1024 + 1, 0x61),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(413);
  });
});

describe("the function's answer as an HTTP response", () => {
  let u: Url;
  beforeAll(async () => {
    u = await createUrl("shapes");
  });

  it("honours statusCode, headers, cookies (one Set-Cookie each) and body", async () => {
    const res = await viaHost(u, "/full");
    expect(res.status).toBe(201);
    expect(res.headers["x-one"]).toBe("1");
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2"]);
    expect(res.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.toString()).toBe("created");
  });

  it("decodes an isBase64Encoded body to the exact bytes", async () => {
    const res = await fetch(pathForm(u, "/binary"));
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from([0, 1, 2, 253, 254, 255]))).toBe(true);
  });

  it("turns a string or an object without statusCode into a 200 JSON response", async () => {
    const text = await fetch(pathForm(u, "/string"));
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toBe("application/json");
    expect(await text.text()).toBe("just text");
    const object = await fetch(pathForm(u, "/object"));
    expect(object.status).toBe(200);
    expect(await object.json()).toEqual({ hello: "world" });
  });

  it("answers 502 Internal Server Error for a function error or an unusable answer", async () => {
    for (const path of ["/throw", "/bad-status"]) {
      const res = await fetch(pathForm(u, path));
      expect(res.status).toBe(502);
      expect(await res.text()).toBe("Internal Server Error");
    }
  });
});

describe("CORS from the URL's Cors setting", () => {
  let u: Url;
  const origin = "https://app.example";
  beforeAll(async () => {
    await deploy(t.client, "cors", { "index.js": ECHO });
    u = await createUrl("cors", {
      Cors: {
        AllowOrigins: [origin],
        AllowMethods: ["GET", "POST"],
        AllowHeaders: ["x-custom"],
        ExposeHeaders: ["x-amzn-requestid"],
        MaxAge: 300,
        AllowCredentials: true,
      },
    });
  });

  it("answers a preflight itself (the function is not called) with the Allow-* headers", async () => {
    const res = await fetch(pathForm(u, "/anything"), {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "x-custom",
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("x-custom");
    expect(res.headers.get("access-control-max-age")).toBe("300");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("gives a preflight from another origin or for another method no Allow-Origin", async () => {
    const other = await fetch(pathForm(u), {
      method: "OPTIONS",
      headers: { Origin: "https://other.example", "Access-Control-Request-Method": "GET" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const method = await fetch(pathForm(u), {
      method: "OPTIONS",
      headers: { Origin: origin, "Access-Control-Request-Method": "DELETE" },
    });
    expect(method.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("adds Allow-Origin / Expose-Headers / Allow-Credentials to actual responses, over the function's own", async () => {
    const res = await fetch(pathForm(u, "/real"), { headers: { Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    expect(res.headers.get("access-control-expose-headers")).toBe("x-amzn-requestid");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });
});

describe("InvokeMode", () => {
  it("RESPONSE_STREAM sends the prelude's status, headers and cookies, then body pieces as they are written", async () => {
    const u = await createUrl("streamer", { InvokeMode: "RESPONSE_STREAM" });
    const res = await fetch(pathForm(u, `/?gate=${encodeURIComponent(gate.url)}&tag=rs`));
    // The handler waits at gate rs-<i> until the test has read piece i-1: this completes only if the
    // head and each piece leave the emulator while the function is still running.
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("x-streamed")).toBe("yes");
    expect(res.headers.getSetCookie()).toEqual(["s1=a", "s2=b"]);
    expect(res.headers.get("content-length")).toBeNull();
    let opened = 0;
    const { text } = await readBody(res.body, (soFar) => {
      while (soFar.includes(`piece-${opened};`)) gate.open(`rs-${++opened}`);
    });
    expect(text).toBe("piece-0;piece-1;piece-2;");
  });

  it("RESPONSE_STREAM: a plain stream is 200 with its content type; a failure before any byte is a 502", async () => {
    await deploy(t.client, "csv-stream", {
      "index.js": `exports.handler = awslambda.streamifyResponse(async (event, stream) => {
  if (event.rawPath === "/early") throw new Error("failed before writing");
  stream.setContentType("text/csv");
  stream.write("a,b\\n");
  stream.end("1,2\\n");
});`,
    });
    const u = await createUrl("csv-stream", { InvokeMode: "RESPONSE_STREAM" });
    const ok = await fetch(pathForm(u, "/"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv");
    expect(await ok.text()).toBe("a,b\n1,2\n");
    const early = await fetch(pathForm(u, "/early"));
    expect(early.status).toBe(502);
    expect(await early.text()).toBe("Internal Server Error");
  });

  it("RESPONSE_STREAM: a handler that does not stream is passed on as its raw JSON answer", async () => {
    await deploy(t.client, "not-streaming", {
      "index.js": `exports.handler = async () => ({ statusCode: 201, body: "x" });`,
    });
    const u = await createUrl("not-streaming", { InvokeMode: "RESPONSE_STREAM" });
    const res = await fetch(pathForm(u, "/"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ statusCode: 201, body: "x" });
  });

  it("BUFFERED answers only once the function is done, in one piece with a Content-Length", async () => {
    await deploy(t.client, "streamer-buffered", { "index.js": STREAMER }, { Timeout: 10 });
    const u = await createUrl("streamer-buffered");
    // The last gate is opened (and noted) only once the function waits at it, i.e. before it can finish.
    let lastGateOpened = false;
    void gate.reached("bf-1").then(() => gate.open("bf-1"));
    void gate.reached("bf-2").then(() => {
      lastGateOpened = true;
      gate.open("bf-2");
    });
    const res = await fetch(pathForm(u, `/?gate=${encodeURIComponent(gate.url)}&tag=bf`));
    expect(lastGateOpened).toBe(true);
    expect(res.status).toBe(206);
    expect(res.headers.get("content-length")).toBe(String("piece-0;piece-1;piece-2;".length));
    expect(res.headers.getSetCookie()).toEqual(["s1=a", "s2=b"]);
    expect(await res.text()).toBe("piece-0;piece-1;piece-2;");
  });
});
