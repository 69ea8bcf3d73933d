/**
 * Contract: provided.al2 / provided.al2023 functions run the zip's own `bootstrap` against the Runtime
 * API — here a shell script using curl when curl exists, else a Node script with a shebang.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

function hasCurl(): boolean {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const API = "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime";

// Answers {"echo": <event>, "handler": $_HANDLER}; an event with "fail" posts an invocation error.
const curlBootstrap = `#!/bin/sh
set -eu
echo "custom runtime starting with handler $_HANDLER"
while true; do
  HEADERS="$(mktemp)"
  EVENT=$(curl -sS -LD "$HEADERS" "${API}/invocation/next")
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  echo "got event $EVENT"
  case "$EVENT" in
    *fail*) curl -sS -o /dev/null -X POST "${API}/invocation/$REQUEST_ID/error" \\
              -H "Lambda-Runtime-Function-Error-Type: Custom.Failure" \\
              -d '{"errorType":"Custom.Failure","errorMessage":"asked to fail"}' ;;
    *) curl -sS -o /dev/null -X POST "${API}/invocation/$REQUEST_ID/response" -d "{\\"echo\\":$EVENT,\\"handler\\":\\"$_HANDLER\\"}" ;;
  esac
done
`;

const nodeBootstrap = `#!${process.execPath}
const http = require("node:http");
const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const call = (method, path, body, headers = {}) => new Promise((resolve, reject) => {
  const req = http.request({ host, port, method, path: "/2018-06-01/runtime" + path, headers }, (res) => {
    const chunks = []; res.on("data", (c) => chunks.push(c)); res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks).toString() }));
  });
  req.on("error", reject); req.end(body);
});
console.log("custom runtime starting with handler " + process.env._HANDLER);
(async () => { for (;;) {
  const next = await call("GET", "/invocation/next");
  const id = next.headers["lambda-runtime-aws-request-id"];
  console.log("got event " + next.body);
  if (next.body.includes("fail")) {
    await call("POST", "/invocation/" + id + "/error", JSON.stringify({ errorType: "Custom.Failure", errorMessage: "asked to fail" }), { "Lambda-Runtime-Function-Error-Type": "Custom.Failure" });
  } else {
    await call("POST", "/invocation/" + id + "/response", JSON.stringify({ echo: JSON.parse(next.body), handler: process.env._HANDLER }));
  }
} })();
`;

const curl = hasCurl();
if (!curl) console.warn("runtime-provided: curl not found; the bootstrap is a Node script with a shebang instead");

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(async () => {
  await t.dispose();
});

describe("provided runtimes", () => {
  it(`runs the zip's bootstrap (${curl ? "sh + curl" : "node script"}) against the Runtime API`, async () => {
    await deploy(
      t.client,
      "custom",
      { bootstrap: curl ? curlBootstrap : nodeBootstrap },
      {
        Runtime: "provided.al2023",
        Handler: "function.handler",
      },
    );
    const r = await invoke(t.client, "custom", { n: 1 });
    expect(r.functionError).toBeUndefined();
    expect(r.json).toEqual({ echo: { n: 1 }, handler: "function.handler" });
    expect(r.log).toMatch(/^INIT_START Runtime Version: provided:al2023/);
    expect(r.log).toContain("custom runtime starting with handler function.handler");
    expect(r.log).toContain(`START RequestId: ${r.requestId}`);
    expect(r.log).toContain('got event {"n":1}');
    expect(r.log).toMatch(/REPORT RequestId: .*Init Duration/);

    const warm = await invoke(t.client, "custom", { n: 2 });
    expect(warm.json).toEqual({ echo: { n: 2 }, handler: "function.handler" });
    expect(warm.log).not.toContain("custom runtime starting");

    const failed = await invoke(t.client, "custom", { fail: true });
    expect(failed.functionError).toBe("Unhandled");
    expect(failed.json).toEqual({ errorType: "Custom.Failure", errorMessage: "asked to fail" });
  });

  it("reports a missing bootstrap as Runtime.InvalidEntrypoint", async () => {
    await deploy(t.client, "no-bootstrap", { "main.sh": "echo hi" }, { Runtime: "provided.al2", Handler: "x" });
    const r = await invoke(t.client, "no-bootstrap", {});
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "Runtime.InvalidEntrypoint" });
    expect((r.json as { errorMessage: string }).errorMessage).toContain("Couldn't find valid bootstrap(s)");
  });
});
