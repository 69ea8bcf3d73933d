/**
 * Invocations read from the function's CloudWatch Logs log group, for connections that keep no records
 * (AWS, other endpoints). FilterLogEvents returns events oldest first, but the tab lists newest first, so
 * the group is searched backwards in time windows: a window's REPORT lines (either log format) and then
 * its error lines are read in full and parsed (lib/invocation-logs); windows grow while they are empty
 * and shrink when one holds more than a page can read. A page's marker is the time to search before.
 * Needs `logs:FilterLogEvents` on the log group, nothing else from CloudWatch Logs.
 */
import "server-only";
import { GetFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { serverConfig } from "@/lib/connection-registry";
import type { ServerConfig } from "@/lib/env";
import {
  ERROR_PATTERN,
  parsePlatformLine,
  REPORT_PATTERN,
  summarizeInvocations,
  type LogEventLike,
  type LoggedInvocationDetail,
  type LoggedInvocationsPage,
  type LoggedInvocationSummary,
} from "@/lib/invocation-logs";
import type { InvocationStatus } from "@/lib/lambda-model/invocation-records";
import { call } from "./call";
import { lambdaClient } from "./client";
import { AwsCallError } from "./errors";
import { filterLogEvents } from "./logs";

const MINUTE = 60_000;
const FIRST_WINDOW_MS = 15 * MINUTE;
/** How far back a listing looks when no time filter bounds it. */
export const LOOKBACK_MS = 180 * 24 * 60 * MINUTE;
/** REPORT lines one window may hold before it is narrowed (and the FilterLogEvents pages to read them). */
const WINDOW_REPORTS = 1000;
const WINDOW_CALLS = 5;
/** FilterLogEvents calls one listing request may make; past it the page ends with a marker. */
const PAGE_CALLS = 30;
/** Lines read for one invocation's log. */
const DETAIL_EVENTS = 5000;

interface Context {
  config: ServerConfig;
  functionName: string;
  logGroup: string;
  calls: number;
}

/** The function's log group: LoggingConfig.LogGroup, or Lambda's default `/aws/lambda/<name>`. */
export async function logGroupOf(functionName: string, config: ServerConfig = serverConfig()): Promise<string> {
  const out = await call(() =>
    lambdaClient(config).send(new GetFunctionConfigurationCommand({ FunctionName: functionName })),
  );
  return out.LoggingConfig?.LogGroup ?? `/aws/lambda/${out.FunctionName ?? functionName}`;
}

/** Said plainly: which permission the console's credentials lack, and on what. */
export function explained(error: unknown, logGroup: string): unknown {
  if (error instanceof AwsCallError && /AccessDenied/.test(error.detail.code)) {
    return new AwsCallError({
      ...error.detail,
      code: "AccessDeniedException",
      message: `The console's credentials may not read the log group ${logGroup}: they need the logs:FilterLogEvents permission on it. (${error.detail.message})`,
      status: 403,
    });
  }
  return error;
}

const missingGroup = (error: unknown) =>
  error instanceof AwsCallError && error.detail.code === "ResourceNotFoundException";

/** Every event FilterLogEvents has for the query, up to `max` events or `calls` calls; `complete` if all. */
async function readAll(
  ctx: Context,
  query: { startTime: number; endTime: number; filterPattern?: string; logStreamNames?: string[] },
  max: number,
  calls: number,
): Promise<{ events: LogEventLike[]; complete: boolean }> {
  const events: LogEventLike[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < calls && ctx.calls < PAGE_CALLS; i++) {
    ctx.calls++;
    const out = await filterLogEvents(
      {
        logGroupName: ctx.logGroup,
        ...query,
        limit: Math.min(10_000, max - events.length),
        ...(nextToken ? { nextToken } : {}),
      },
      ctx.config,
    );
    events.push(...(out.events ?? []));
    nextToken = out.nextToken;
    if (!nextToken) return { events, complete: true };
    if (events.length >= max) break;
  }
  return { events, complete: false };
}

/** The invocations whose REPORT falls in [start, end], with their errors read; undefined if too many. */
async function windowOf(ctx: Context, start: number, end: number): Promise<LoggedInvocationSummary[] | undefined> {
  const reports = await readAll(
    ctx,
    { startTime: start, endTime: end, filterPattern: REPORT_PATTERN },
    WINDOW_REPORTS,
    WINDOW_CALLS,
  );
  if (!reports.complete) return undefined;
  const found = summarizeInvocations(reports.events, ctx);
  if (found.length === 0) return found;
  // A Text REPORT does not say a function failed; the runtime's error line, before it, does.
  const from = Math.min(...found.map((s) => Date.parse(s.StartTime))) - 1;
  const streams = [...new Set(found.map((s) => s.LogStream).filter(Boolean))];
  const errors = await readAll(
    ctx,
    {
      startTime: from,
      endTime: end,
      filterPattern: ERROR_PATTERN,
      ...(streams.length <= 100 ? { logStreamNames: streams } : {}),
    },
    WINDOW_REPORTS,
    2,
  );
  return summarizeInvocations([...reports.events, ...errors.events], ctx);
}

export interface LoggedListInput {
  marker?: string;
  maxItems?: number;
  status?: InvocationStatus;
  /** Only invocations that ended in the last this many ms (the tab's time filter). */
  withinMs?: number;
}

const encodeMarker = (before: number) => Buffer.from(JSON.stringify({ before }), "utf8").toString("base64url");

function decodeMarker(marker: string): number {
  try {
    const { before } = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as { before?: unknown };
    if (typeof before === "number" && Number.isInteger(before) && before > 0) return before;
  } catch {
    // fall through
  }
  throw new AwsCallError({
    code: "InvalidParameterValueException",
    message: "Invalid pagination marker.",
    status: 400,
  });
}

/** One page of the function's invocations, newest first, read from its log group. */
export async function listLoggedInvocations(
  functionName: string,
  input: LoggedListInput = {},
  config: ServerConfig = serverConfig(),
  now: number = Date.now(),
): Promise<LoggedInvocationsPage> {
  const logGroup = await logGroupOf(functionName, config);
  const ctx: Context = { config, functionName, logGroup, calls: 0 };
  const limit = input.maxItems ?? 50;
  const floor = Math.max(0, now - (input.withinMs ?? LOOKBACK_MS));
  let end = input.marker ? decodeMarker(input.marker) - 1 : now;
  let span = FIRST_WINDOW_MS;
  const found: LoggedInvocationSummary[] = [];
  try {
    while (found.length < limit && end >= floor && ctx.calls < PAGE_CALLS) {
      const start = Math.max(floor, end - span + 1);
      const window = await windowOf(ctx, start, end);
      if (!window) {
        // More than a window can read (or the scan ran long): look at a narrower, newer slice.
        if (span <= 1_000) break;
        span = Math.max(1_000, Math.floor(span / 8));
        continue;
      }
      found.push(...window.filter((s) => !input.status || s.Status === input.status));
      end = start - 1;
      span = window.length === 0 ? span * 4 : span * 2;
    }
  } catch (error) {
    if (missingGroup(error))
      return { Source: "CloudWatchLogs", LogGroup: logGroup, LogGroupExists: false, Invocations: [] };
    throw explained(error, logGroup);
  }
  found.sort((a, b) => Date.parse(b.EndTime) - Date.parse(a.EndTime));
  // Cut at a millisecond boundary, so the next page (before that millisecond) neither repeats nor skips.
  let page = found;
  let before: number | undefined = end >= floor ? end + 1 : undefined;
  if (found.length > limit) {
    const last = Date.parse((found[limit - 1] as LoggedInvocationSummary).EndTime);
    page = found.filter((s, i) => i < limit || Date.parse(s.EndTime) === last);
    before = last;
  }
  return {
    Source: "CloudWatchLogs",
    LogGroup: logGroup,
    LogGroupExists: true,
    Invocations: page,
    ...(before !== undefined ? { NextMarker: encodeMarker(before) } : {}),
  };
}

/**
 * One invocation from the log group: its REPORT is found by request id (near `at`, the REPORT's time the
 * list gave, else searching back through the lookback), then its lines are read from its stream — from
 * the start of its init (if cold) to its REPORT. Lines without the request id (Python's print, init
 * output) are included because a stream is one execution environment, which runs one invocation at a time.
 */
export async function getLoggedInvocation(
  functionName: string,
  requestId: string,
  at?: number,
  config: ServerConfig = serverConfig(),
  now: number = Date.now(),
): Promise<LoggedInvocationDetail> {
  const logGroup = await logGroupOf(functionName, config);
  const ctx: Context = { config, functionName, logGroup, calls: 0 };
  const pattern = `"${requestId.replace(/"/g, "")}"`;
  try {
    let report: LogEventLike | undefined;
    const isReport = (e: LogEventLike) => {
      const p = parsePlatformLine(e.message ?? "");
      return p?.kind === "report" && p.requestId === requestId;
    };
    const searches: [number, number][] =
      at !== undefined
        ? [[at - 1_000, at + 1_000]]
        : [60 * MINUTE, 24 * 60 * MINUTE, 7 * 24 * 60 * MINUTE, LOOKBACK_MS].map((back, i, all) => [
            now - back,
            i === 0 ? now : now - (all[i - 1] as number),
          ]);
    for (const [startTime, endTime] of searches) {
      const hits = await readAll(ctx, { startTime, endTime, filterPattern: pattern }, 1000, 3);
      report = hits.events.filter(isReport).at(-1);
      if (report) break;
    }
    if (!report) {
      throw new AwsCallError({
        code: "ResourceNotFoundException",
        message: `No REPORT line for request ${requestId} in the log group ${logGroup}: the invocation has not finished, or its log has expired.`,
        status: 404,
      });
    }
    const parsed = parsePlatformLine(report.message ?? "");
    const ran = parsed?.kind === "report" ? parsed.durationMs + (parsed.initDurationMs ?? 0) : 0;
    const reportAt = report.timestamp ?? 0;
    const stream = report.logStreamName ?? "";
    const lines = await readAll(
      ctx,
      { startTime: Math.floor(reportAt - ran) - 1, endTime: reportAt, ...(stream ? { logStreamNames: [stream] } : {}) },
      DETAIL_EVENTS,
      5,
    );
    const own = ownLines(lines.events, requestId);
    const [summary] = summarizeInvocations(own, ctx);
    if (!summary) throw new Error(`The REPORT of ${requestId} was found but not read back.`);
    return {
      ...summary,
      Log: own.map((e) => (e.message ?? "").replace(/\n?$/, "\n")).join(""),
      LogTruncated: !lines.complete,
    };
  } catch (error) {
    if (
      missingGroup(error) &&
      error instanceof AwsCallError &&
      /log group does not exist/i.test(error.detail.message)
    ) {
      throw new AwsCallError({
        code: "ResourceNotFoundException",
        message: `The log group ${logGroup} does not exist yet: no invocation of ${functionName} has been logged.`,
        status: 404,
      });
    }
    throw explained(error, logGroup);
  }
}

/** The lines between the previous invocation's end (if the window reaches it) and this one's REPORT. */
function ownLines(events: LogEventLike[], requestId: string): LogEventLike[] {
  let from = 0;
  let to = events.length;
  events.forEach((e, i) => {
    const p = parsePlatformLine(e.message ?? "");
    if (!p || p.kind === "start") return;
    if (p.requestId !== requestId && i < to) from = i + 1;
    // An asynchronous invocation's retries share its request id: its last REPORT ends it.
    if (p.requestId === requestId && p.kind === "report") to = i + 1;
  });
  return events.slice(from, to);
}
