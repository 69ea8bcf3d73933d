/**
 * Contract: the emulator's CloudWatch Logs subset (emulator/logs/) driven by the real
 * @aws-sdk/client-cloudwatch-logs — log groups appear at a function's first invocation, one stream per
 * execution environment, events in time order with Lambda's platform lines, filter patterns, paging,
 * GetLogEvents' tokens, errors in the JSON protocol's shape — and by the AWS CLI when it is installed.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateFilterLogEvents,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

let t: TestEmulator;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  t = await startEmulator();
  logs = new CloudWatchLogsClient({
    endpoint: t.emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  logs.destroy();
  await t.dispose();
});

const STREAM = /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/;

async function allEvents(group: string, extra: { filterPattern?: string; limit?: number } = {}) {
  const events: FilteredLogEvent[] = [];
  for await (const page of paginateFilterLogEvents({ client: logs }, { logGroupName: group, ...extra })) {
    events.push(...(page.events ?? []));
  }
  return events;
}

describe("log groups and streams", () => {
  it("has no log group for a function until its first invocation, then one at /aws/lambda/<name>", async () => {
    await deploy(t.client, "logs-first", { "index.js": `exports.handler = async () => "ok";` });
    const missing = await errorOf(() =>
      logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-first" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.message).toBe("The specified log group does not exist.");
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const before = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/lambda/logs-first" }));
    expect(before.logGroups).toEqual([]);

    const invokedAt = Date.now();
    await invoke(t.client, "logs-first", {});
    const after = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/lambda/logs-first" }));
    expect(after.logGroups).toHaveLength(1);
    const group = after.logGroups?.[0];
    expect(group).toMatchObject({
      logGroupName: "/aws/lambda/logs-first",
      arn: "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logs-first:*",
      logGroupArn: "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logs-first",
    });
    expect(group?.creationTime).toBeGreaterThanOrEqual(invokedAt - 5_000);
    expect(group?.storedBytes).toBeGreaterThan(0);
  });

  it("writes to LoggingConfig.LogGroup when the function names one", async () => {
    await deploy(
      t.client,
      "logs-custom-group",
      { "index.js": `exports.handler = async () => { console.log("to my group"); return 1; };` },
      { LoggingConfig: { LogFormat: "Text", LogGroup: "/custom/shared-group" } },
    );
    await invoke(t.client, "logs-custom-group", {});
    const events = await allEvents("/custom/shared-group");
    expect(events.map((e) => e.message).join("")).toContain("to my group");
    const wrong = await errorOf(() =>
      logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-custom-group" })),
    );
    expect(wrong.name).toBe("ResourceNotFoundException");
  });

  it("keeps one stream per execution environment: warm invocations share it, concurrent ones do not", async () => {
    await deploy(t.client, "logs-envs", {
      "index.js": `exports.handler = async (e) => { await new Promise((r) => setTimeout(r, e.wait ?? 0)); return 1; };`,
    });
    await invoke(t.client, "logs-envs", {});
    await invoke(t.client, "logs-envs", {});
    let streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/logs-envs" }));
    expect(streams.logStreams).toHaveLength(1);
    expect(streams.logStreams?.[0]?.logStreamName).toMatch(STREAM);

    await Promise.all([invoke(t.client, "logs-envs", { wait: 400 }), invoke(t.client, "logs-envs", { wait: 400 })]);
    streams = await logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: "/aws/lambda/logs-envs",
        orderBy: "LastEventTime",
        descending: true,
      }),
    );
    expect(streams.logStreams).toHaveLength(2);
    const [newest, older] = streams.logStreams ?? [];
    expect(newest?.lastEventTimestamp).toBeGreaterThanOrEqual(older?.lastEventTimestamp ?? Infinity);
    for (const s of streams.logStreams ?? []) {
      expect(s.firstEventTimestamp).toBeLessThanOrEqual(s.lastEventTimestamp ?? 0);
      expect(s.arn).toBe(
        `arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logs-envs:log-stream:${s.logStreamName}`,
      );
    }

    const prefixed = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/logs-envs", logStreamNamePrefix: "2" }),
    );
    expect(prefixed.logStreams).toHaveLength(2);
    const conflict = await errorOf(() =>
      logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: "/aws/lambda/logs-envs",
          logStreamNamePrefix: "2",
          orderBy: "LastEventTime",
        }),
      ),
    );
    expect(conflict.name).toBe("InvalidParameterException");
  });
});

describe("FilterLogEvents", () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    await deploy(t.client, "logs-events", {
      "index.js": `console.log("init line");
exports.handler = async (e) => {
  console.log("handling", e.n);
  if (e.fail) throw new TypeError("asked to fail");
  return e.n;
};`,
    });
    first = (await invoke(t.client, "logs-events", { n: 1 })).requestId ?? "";
    second = (await invoke(t.client, "logs-events", { n: 2, fail: true })).requestId ?? "";
  });

  it("returns Lambda's lines in time order: INIT_START, START, the function's output, END, REPORT", async () => {
    const events = await allEvents("/aws/lambda/logs-events");
    const messages = events.map((e) => e.message ?? "");
    expect(messages.every((m) => m.endsWith("\n"))).toBe(true);
    const at = (prefix: string) => messages.findIndex((m) => m.startsWith(prefix));
    expect(at("INIT_START Runtime Version:")).toBe(0);
    expect(at(`START RequestId: ${first} Version: $LATEST`)).toBeGreaterThan(at("INIT_START"));
    expect(messages.findIndex((m) => m.includes("\tINFO\thandling 1"))).toBeGreaterThan(
      at(`START RequestId: ${first}`),
    );
    expect(at(`END RequestId: ${first}`)).toBeGreaterThan(at(`START RequestId: ${first}`));
    const report = messages[at(`REPORT RequestId: ${first}`)] ?? "";
    expect(report).toMatch(
      /Duration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/,
    );
    // The second invocation was warm: no init, and its error is logged by the runtime.
    expect(messages[at(`REPORT RequestId: ${second}`)]).not.toContain("Init Duration");
    expect(messages.find((m) => m.includes("Invoke Error"))).toContain('"errorType":"TypeError"');
    expect(at(`START RequestId: ${second}`)).toBeGreaterThan(at(`REPORT RequestId: ${first}`));

    const times = events.map((e) => e.timestamp ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const e of events) {
      expect(e.logStreamName).toMatch(STREAM);
      expect(e.eventId).toMatch(/^\d{56}$/);
      expect(e.ingestionTime).toBeGreaterThanOrEqual(e.timestamp ?? 0);
    }
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it("matches filter patterns: terms, quoted phrases, ?any, -none, regex and JSON", async () => {
    const reports = await allEvents("/aws/lambda/logs-events", { filterPattern: '"REPORT RequestId"' });
    expect(reports.map((e) => e.message?.slice(0, 54))).toEqual([
      `REPORT RequestId: ${first}`.slice(0, 54),
      `REPORT RequestId: ${second}`.slice(0, 54),
    ]);
    const either = await allEvents("/aws/lambda/logs-events", { filterPattern: '?"Invoke Error" ?"init line"' });
    expect(either).toHaveLength(2);
    const onlyFirst = await allEvents("/aws/lambda/logs-events", { filterPattern: `"${first}" -REPORT -END -START` });
    expect(onlyFirst.map((e) => e.message)).toEqual([expect.stringContaining("handling 1")]);
    const regex = await allEvents("/aws/lambda/logs-events", { filterPattern: "%INFO.handling%" });
    expect(regex).toHaveLength(2);
    const bad = await errorOf(() =>
      logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-events", filterPattern: "[ip, user]" })),
    );
    expect(bad.name).toBe("InvalidParameterException");

    await deploy(
      t.client,
      "logs-json",
      { "index.js": `exports.handler = async () => { console.warn("careful", 7); console.info("fine"); return 1; };` },
      { LoggingConfig: { LogFormat: "JSON" } },
    );
    const { requestId } = await invoke(t.client, "logs-json", {});
    const warnings = await allEvents("/aws/lambda/logs-json", { filterPattern: '{ $.level = "WARN" }' });
    expect(warnings.map((e) => JSON.parse(e.message ?? "{}") as unknown)).toEqual([
      expect.objectContaining({ level: "WARN", message: "careful 7", requestId }),
    ]);
    const combined = await allEvents("/aws/lambda/logs-json", {
      filterPattern: '{ ($.level = "WARN" || $.message = "fin*") && $.requestId = "*" && $.nothing NOT EXISTS }',
    });
    expect(combined).toHaveLength(2);
  });

  it("pages with nextToken and limit, and bounds by startTime/endTime", async () => {
    const everything = await allEvents("/aws/lambda/logs-events");
    const paged = await allEvents("/aws/lambda/logs-events", { limit: 3 });
    expect(paged.map((e) => e.eventId)).toEqual(everything.map((e) => e.eventId));
    const firstPage = await logs.send(
      new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-events", limit: 3 }),
    );
    expect(firstPage.events).toHaveLength(3);
    expect(firstPage.nextToken).toBeTruthy();
    expect(firstPage.searchedLogStreams).toEqual([]);

    const report = everything.find((e) => e.message?.startsWith(`REPORT RequestId: ${first}`));
    const window = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: "/aws/lambda/logs-events",
        startTime: report?.timestamp ?? 0,
        endTime: report?.timestamp ?? 0,
      }),
    );
    expect(window.events?.length).toBeGreaterThan(0);
    expect(window.events?.every((e) => e.timestamp === report?.timestamp)).toBe(true);
    expect(window.events?.map((e) => e.message)).toContain(report?.message);
    expect(window.nextToken).toBeUndefined();

    const invalid = await errorOf(() =>
      logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-events", nextToken: "not-a-token" })),
    );
    expect(invalid.name).toBe("InvalidParameterException");
  });

  it("filters by stream, and refuses logStreamNames together with a prefix", async () => {
    const [event] = await allEvents("/aws/lambda/logs-events", { limit: 1 });
    const stream = event?.logStreamName ?? "";
    const inStream = await logs.send(
      new FilterLogEventsCommand({ logGroupName: "/aws/lambda/logs-events", logStreamNames: [stream] }),
    );
    expect(inStream.events?.length).toBeGreaterThan(0);
    const none = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: "/aws/lambda/logs-events",
        logStreamNames: ["2020/01/01/[$LATEST]00"],
      }),
    );
    expect(none.events).toEqual([]);
    const both = await errorOf(() =>
      logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/lambda/logs-events",
          logStreamNames: [stream],
          logStreamNamePrefix: "2",
        }),
      ),
    );
    expect(both.name).toBe("InvalidParameterException");
  });

  it("names a group by ARN through logGroupIdentifier, and refuses both or neither", async () => {
    const byArn = await logs.send(
      new FilterLogEventsCommand({
        logGroupIdentifier: "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logs-events",
        filterPattern: "REPORT",
      }),
    );
    expect(byArn.events).toHaveLength(2);
    const both = await errorOf(() =>
      logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/lambda/logs-events",
          logGroupIdentifier: "/aws/lambda/logs-events",
        }),
      ),
    );
    expect(both.name).toBe("InvalidParameterException");
    const neither = await errorOf(() => logs.send(new FilterLogEventsCommand({})));
    expect(neither.name).toBe("InvalidParameterException");
  });
});

describe("GetLogEvents", () => {
  it("reads one stream, newest events by default, with tokens that come back unchanged at either end", async () => {
    await deploy(t.client, "logs-get", {
      "index.js": `exports.handler = async (e) => { console.log("line", e.n); return 1; };`,
    });
    for (let n = 1; n <= 3; n++) await invoke(t.client, "logs-get", { n });
    const [stream] =
      (await logs.send(new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/logs-get" }))).logStreams ?? [];
    const name = stream?.logStreamName ?? "";
    const all = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/aws/lambda/logs-get", logStreamName: name, startFromHead: true }),
    );
    const messages = (all.events ?? []).map((e) => e.message ?? "");
    expect(messages.filter((m) => m.startsWith("REPORT"))).toHaveLength(3);

    // Default: the latest `limit` events; walking back with the backward token reaches the start.
    const latest = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/aws/lambda/logs-get", logStreamName: name, limit: 2 }),
    );
    expect(latest.events?.map((e) => e.message)).toEqual(messages.slice(-2));
    const back = await logs.send(
      new GetLogEventsCommand({
        logGroupName: "/aws/lambda/logs-get",
        logStreamName: name,
        limit: 2,
        nextToken: latest.nextBackwardToken,
      }),
    );
    expect(back.events?.map((e) => e.message)).toEqual(messages.slice(-4, -2));

    // Forward from the end: nothing more, and the same token again.
    const end = await logs.send(
      new GetLogEventsCommand({
        logGroupName: "/aws/lambda/logs-get",
        logStreamName: name,
        nextToken: latest.nextForwardToken,
        startFromHead: true,
      }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(latest.nextForwardToken);

    // Forward from the head in pages of 4 reads every event once.
    const forward: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await logs.send(
        new GetLogEventsCommand({
          logGroupName: "/aws/lambda/logs-get",
          logStreamName: name,
          limit: 4,
          startFromHead: true,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      forward.push(...(page.events ?? []).map((e) => e.message ?? ""));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(forward).toEqual(messages);

    const missing = await errorOf(() =>
      logs.send(new GetLogEventsCommand({ logGroupName: "/aws/lambda/logs-get", logStreamName: "nope" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.message).toBe("The specified log stream does not exist.");
  });
});

describe("platform-ended invocations", () => {
  it("writes the timeout line and REPORT Status: timeout", async () => {
    await deploy(
      t.client,
      "logs-timeout",
      { "index.js": `exports.handler = () => new Promise((resolve) => setTimeout(resolve, 5_000));` },
      { Timeout: 1 },
    );
    const { requestId } = await invoke(t.client, "logs-timeout", {});
    const events = await allEvents("/aws/lambda/logs-timeout");
    const messages = events.map((e) => e.message ?? "");
    expect(messages.some((m) => m.includes(`${requestId} Task timed out after 1.00 seconds`))).toBe(true);
    expect(messages.find((m) => m.startsWith(`REPORT RequestId: ${requestId}`))).toContain("Status: timeout");
    const start = events.find((e) => e.message?.startsWith("START"))?.timestamp ?? 0;
    const report = events.find((e) => e.message?.startsWith("REPORT"))?.timestamp ?? 0;
    expect(report - start).toBeGreaterThanOrEqual(900);
  });
});

describe("the JSON protocol", () => {
  it("answers an unknown action with UnknownOperationException", async () => {
    const res = await signedPost("logs", "Logs_20140328.PutLogEvents", {});
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(await res.json()).toMatchObject({ __type: "UnknownOperationException" });
  });

  it("requires the logs signing name in the credential scope", async () => {
    const res = await signedPost("lambda", "Logs_20140328.DescribeLogGroups", {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ __type: "InvalidSignatureException" });
    const ok = await signedPost("logs", "Logs_20140328.DescribeLogGroups", {});
    expect(ok.status).toBe(200);
  });

  it("validates inputs against the reference's constraints", async () => {
    const bad = await errorOf(() => logs.send(new DescribeLogGroupsCommand({ limit: 51 })));
    expect(bad.name).toBe("InvalidParameterException");
    expect(bad.message).toContain(
      "at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });
});

async function signedPost(service: string, target: string, body: unknown): Promise<Response> {
  const url = new URL(t.emulator.url);
  const json = JSON.stringify(body);
  const signer = new SignatureV4({
    service,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    headers: { host: url.host, "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body: json,
  });
  return fetch(`${t.emulator.url}/`, { method: "POST", headers: signed.headers, body: json });
}

// ---------------------------------------------------------------------------------------------------
// The AWS CLI: botocore's own serializer, paginators and `aws logs tail` (CLI v2 only).

const probe = spawnSync("aws", ["--version"], { encoding: "utf8" });
const hasCli = probe.status === 0;
if (!hasCli) console.warn("[logs-api.test] AWS CLI tests skipped: the `aws` command is not installed.");
const hasTail =
  hasCli &&
  spawnSync("aws", ["logs", "tail", "help"], { encoding: "utf8", env: { ...process.env, AWS_PAGER: "" } }).status === 0;
if (hasCli && !hasTail) {
  console.warn(
    `[logs-api.test] \`aws logs tail\` skipped: this AWS CLI (${probe.stdout.trim() || probe.stderr.trim()}) has no tail command (it is in CLI v2).`,
  );
}

describe.skipIf(!hasCli)("AWS CLI", () => {
  let dir: string;
  let requestId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "logs-cli-"));
    writeFileSync(join(dir, "config"), "");
    writeFileSync(join(dir, "credentials"), "");
    await deploy(t.client, "logs-cli", {
      "index.js": `exports.handler = async () => { console.log("from the cli test"); return 1; };`,
    });
    requestId = (await invoke(t.client, "logs-cli", {})).requestId ?? "";
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function aws(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("AWS_")) delete env[key];
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_PAGER: "",
    });
    const argv = ["--endpoint-url", t.emulator.url, "--region", "us-east-1", "--output", "json", "logs", ...args];
    return new Promise((resolve) => {
      execFile("aws", argv, { encoding: "utf8", timeout: 60_000, env }, (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it("filter-log-events reads the function's log group", async () => {
    const r = await aws("filter-log-events", "--log-group-name", "/aws/lambda/logs-cli", "--filter-pattern", "REPORT");
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { events: { message: string; logStreamName: string }[] };
    expect(out.events).toHaveLength(1);
    expect(out.events[0]?.message).toMatch(new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: `));
    expect(out.events[0]?.logStreamName).toMatch(STREAM);
  });

  it("describe-log-streams and get-log-events read one environment's stream", async () => {
    const streams = JSON.parse(
      (await aws("describe-log-streams", "--log-group-name", "/aws/lambda/logs-cli")).stdout,
    ) as {
      logStreams: { logStreamName: string }[];
    };
    const name = streams.logStreams[0]?.logStreamName ?? "";
    const r = await aws(
      "get-log-events",
      "--log-group-name",
      "/aws/lambda/logs-cli",
      "--log-stream-name",
      name,
      "--start-from-head",
    );
    const out = JSON.parse(r.stdout) as { events: { message: string }[] };
    expect(out.events.map((e) => e.message).join("")).toContain("from the cli test");
  });

  it("an unknown group is ResourceNotFoundException", async () => {
    const r = await aws("filter-log-events", "--log-group-name", "/aws/lambda/no-such-function");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("ResourceNotFoundException");
    expect(r.stderr).toContain("The specified log group does not exist.");
  });

  it.skipIf(!hasTail)("logs tail prints the invocation's lines", async () => {
    const r = await aws("tail", "/aws/lambda/logs-cli", "--since", "1h", "--format", "short");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`START RequestId: ${requestId}`);
    expect(r.stdout).toContain("from the cli test");
  });
});
