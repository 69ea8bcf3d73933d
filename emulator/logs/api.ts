/**
 * The CloudWatch Logs actions the emulator answers, over the invocation records it keeps: one log group
 * per function (its LoggingConfig.LogGroup when it ran), one stream per execution environment. Shapes as
 * in the reference (botocore's logs-2014-03-28 model); times are epoch milliseconds.
 */
import type { EmulatorContext } from "../context";
import { eventsOf, type LogEvent } from "./events";
import { compileFilterPattern, FilterPatternError, type Matcher } from "./filter-pattern";
import {
  bool,
  decodeToken,
  encodeToken,
  groupName,
  groupNotFound,
  int,
  invalidParameter,
  LOG_GROUP_NAME,
  LOG_STREAM_NAME,
  str,
  streamNotFound,
  strList,
  type Body,
} from "./input";
import type { LogStore, RecordMeta } from "./store";

/** A page holds at most this many bytes of messages, as the service's 1 MB responses do. */
const MAX_PAGE_BYTES = 1024 * 1024;
const EVENT_ID = /^\d{56}$/;
/** How the service sizes an event against that limit: its message bytes plus 26. */
const eventBytes = (e: LogEvent) => Buffer.byteLength(e.message) + 26;

export type LogsAction = (body: Body, ctx: EmulatorContext, store: LogStore) => unknown;

const arnOf = (ctx: EmulatorContext, group: string) =>
  `arn:aws:logs:${ctx.config.region}:${ctx.config.accountId}:log-group:${group}`;

// POST / (X-Amz-Target: Logs_20140328.DescribeLogGroups) — DescribeLogGroups
const describeLogGroups: LogsAction = (body, ctx, store) => {
  const prefix = str(body, "logGroupNamePrefix", LOG_GROUP_NAME);
  const pattern = str(body, "logGroupNamePattern", { max: 512, pattern: /^[.\-_/#A-Za-z0-9]*$/ });
  const identifiers = strList(body, "logGroupIdentifiers", 1, 50, { min: 1, max: 2048 });
  if (prefix !== undefined && pattern !== undefined) {
    throw invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  }
  const limit = int(body, "limit", 1, 50) ?? 50;
  const token = str(body, "nextToken", { min: 1 });
  const after = token === undefined ? undefined : decodeToken(token, /^.+$/);
  const wanted = identifiers?.map((id) => groupName({ logGroupIdentifier: id }));
  const groups = store
    .groups()
    .filter((g) => prefix === undefined || g.name.startsWith(prefix))
    .filter((g) => pattern === undefined || g.name.includes(pattern))
    .filter((g) => wanted === undefined || wanted.includes(g.name))
    .filter((g) => after === undefined || g.name > after);
  const page = groups.slice(0, limit);
  const last = page[page.length - 1];
  return {
    logGroups: page.map((g) => ({
      logGroupName: g.name,
      creationTime: g.created_at,
      metricFilterCount: 0,
      arn: `${arnOf(ctx, g.name)}:*`,
      storedBytes: g.stored_bytes,
      logGroupClass: "STANDARD",
      logGroupArn: arnOf(ctx, g.name),
    })),
    ...(groups.length > limit && last ? { nextToken: encodeToken(last.name) } : {}),
  };
};

function existingGroup(body: Body, store: LogStore): string {
  const name = groupName(body);
  if (!store.group(name)) throw groupNotFound();
  return name;
}

// POST / (X-Amz-Target: Logs_20140328.DescribeLogStreams) — DescribeLogStreams
const describeLogStreams: LogsAction = (body, ctx, store) => {
  const group = existingGroup(body, store);
  const prefix = str(body, "logStreamNamePrefix", LOG_STREAM_NAME);
  const orderBy = str(body, "orderBy") ?? "LogStreamName";
  if (orderBy !== "LogStreamName" && orderBy !== "LastEventTime") {
    throw invalidParameter(
      `1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`,
    );
  }
  if (prefix !== undefined && orderBy === "LastEventTime") {
    throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
  }
  const descending = bool(body, "descending") ?? false;
  const limit = int(body, "limit", 1, 50) ?? 50;
  const token = str(body, "nextToken", { min: 1 });
  const offset = token === undefined ? 0 : Number(decodeToken(token, /^\d+$/));
  let streams = store.streams(group).filter((s) => prefix === undefined || s.log_stream.startsWith(prefix));
  if (orderBy === "LastEventTime") {
    streams = streams.sort((a, b) => a.last_time - b.last_time || a.log_stream.localeCompare(b.log_stream));
  }
  if (descending) streams.reverse();
  const page = streams.slice(offset, offset + limit);
  return {
    logStreams: page.map((s) => ({
      logStreamName: s.log_stream,
      creationTime: s.first_time,
      firstEventTimestamp: s.first_time,
      lastEventTimestamp: s.last_time,
      lastIngestionTime: s.last_time,
      uploadSequenceToken: "1",
      arn: `${arnOf(ctx, group)}:log-stream:${s.log_stream}`,
      // The reference: always zero for streams since 2019.
      storedBytes: 0,
    })),
    ...(offset + limit < streams.length ? { nextToken: encodeToken(String(offset + limit)) } : {}),
  };
};

/**
 * The events of `records` in CloudWatch Logs order (timestamp, then record and line): records are sorted
 * by their first possible event time, so an event can be given out once no record not yet read could
 * start before it.
 */
function* ordered(records: RecordMeta[], store: LogStore): Generator<LogEvent> {
  const active: { events: LogEvent[]; at: number }[] = [];
  let next = 0;
  const load = (r: RecordMeta) => {
    const events = eventsOf({
      seq: r.seq,
      requestId: r.request_id,
      stream: r.log_stream,
      startTime: r.start_time,
      endTime: r.end_time,
      initDurationMs: r.init_duration_ms,
      log: store.log(r.seq),
    });
    if (events.length > 0) active.push({ events, at: 0 });
  };
  for (;;) {
    if (active.length === 0) {
      const r = records[next++];
      if (!r) return;
      load(r);
      continue;
    }
    let head = active[0] as (typeof active)[number];
    for (const a of active)
      if ((a.events[a.at] as LogEvent).eventId < (head.events[head.at] as LogEvent).eventId) head = a;
    const event = head.events[head.at] as LogEvent;
    const waiting = records[next];
    if (waiting && waiting.first_time <= event.timestamp) {
      next++;
      load(waiting);
      continue;
    }
    yield event;
    head.at++;
    if (head.at >= head.events.length) active.splice(active.indexOf(head), 1);
  }
}

function matcherOf(body: Body): Matcher {
  const pattern = str(body, "filterPattern", { max: 1024 });
  try {
    return compileFilterPattern(pattern);
  } catch (e) {
    if (e instanceof FilterPatternError) throw invalidParameter(e.message);
    throw e;
  }
}

// POST / (X-Amz-Target: Logs_20140328.FilterLogEvents) — FilterLogEvents
const filterLogEvents: LogsAction = (body, _ctx, store) => {
  const group = existingGroup(body, store);
  const streams = strList(body, "logStreamNames", 1, 100, LOG_STREAM_NAME);
  const prefix = str(body, "logStreamNamePrefix", LOG_STREAM_NAME);
  if (streams && prefix !== undefined) {
    throw invalidParameter("Cannot specify both logStreamNames and logStreamNamePrefix.");
  }
  const startTime = int(body, "startTime", 0, Number.MAX_SAFE_INTEGER);
  const endTime = int(body, "endTime", 0, Number.MAX_SAFE_INTEGER);
  const limit = int(body, "limit", 1, 10_000) ?? 10_000;
  const matches = matcherOf(body);
  bool(body, "interleaved");
  bool(body, "unmask");
  const token = str(body, "nextToken", { min: 1 });
  const after = token === undefined ? undefined : decodeToken(token, EVENT_ID);
  const afterTime = after === undefined ? undefined : Number(after.slice(0, 16));
  const from = Math.max(startTime ?? 0, afterTime ?? 0);

  const records = store.inRange(group, {
    ...(streams ? { streams } : {}),
    ...(prefix !== undefined ? { prefix } : {}),
    from,
    ...(endTime !== undefined ? { to: endTime } : {}),
  });
  const events: {
    logStreamName: string;
    timestamp: number;
    message: string;
    ingestionTime: number;
    eventId: string;
  }[] = [];
  let bytes = 0;
  let more = false;
  for (const e of ordered(records, store)) {
    if (after !== undefined && e.eventId <= after) continue;
    if (e.timestamp < from) continue;
    if (endTime !== undefined && e.timestamp > endTime) break;
    if (!matches(e.message)) continue;
    const size = eventBytes(e);
    if (events.length >= limit || bytes + size > MAX_PAGE_BYTES) {
      more = true;
      break;
    }
    bytes += size;
    events.push({
      logStreamName: e.stream,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.timestamp,
      eventId: e.eventId,
    });
  }
  const last = events[events.length - 1];
  return {
    events,
    // The reference: no longer supported since 2020, always an empty list.
    searchedLogStreams: [],
    ...(more && last ? { nextToken: encodeToken(last.eventId) } : {}),
  };
};

const successor = (eventId: string) => (BigInt(eventId) + 1n).toString().padStart(56, "0");
const ZERO = "0".repeat(56);

// POST / (X-Amz-Target: Logs_20140328.GetLogEvents) — GetLogEvents
const getLogEvents: LogsAction = (body, _ctx, store) => {
  const group = existingGroup(body, store);
  const stream = str(body, "logStreamName", LOG_STREAM_NAME);
  if (stream === undefined) {
    throw invalidParameter(
      "1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!store.streams(group).some((s) => s.log_stream === stream)) throw streamNotFound();
  const startTime = int(body, "startTime", 0, Number.MAX_SAFE_INTEGER);
  const endTime = int(body, "endTime", 0, Number.MAX_SAFE_INTEGER);
  const limit = int(body, "limit", 1, 10_000) ?? 10_000;
  const startFromHead = bool(body, "startFromHead") ?? false;
  bool(body, "unmask");
  // f/<id>: the events from <id> on; b/<id>: the events before <id>.
  const token = str(body, "nextToken", { min: 1 });
  const cursor = token === undefined ? undefined : /^([fb])\/(\d{56})$/.exec(token);
  if (token !== undefined && !cursor) throw invalidParameter("The specified nextToken is invalid.");

  const all = [
    ...ordered(
      store.inRange(group, {
        streams: [stream],
        ...(startTime !== undefined ? { from: startTime } : {}),
        ...(endTime !== undefined ? { to: endTime } : {}),
      }),
      store,
    ),
  ].filter(
    (e) => (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime),
  );

  let window: LogEvent[];
  if (cursor?.[1] === "f") {
    const from = cursor[2] as string;
    window = all.filter((e) => e.eventId >= from).slice(0, limit);
  } else if (cursor?.[1] === "b") {
    const before = cursor[2] as string;
    const earlier = all.filter((e) => e.eventId < before);
    window = earlier.slice(Math.max(0, earlier.length - limit));
  } else {
    window = startFromHead ? all.slice(0, limit) : all.slice(Math.max(0, all.length - limit));
  }
  // Within 1 MB, keeping the end nearest the cursor.
  let bytes = 0;
  const kept: LogEvent[] = [];
  const fromEnd = cursor?.[1] === "b" || (!cursor && !startFromHead);
  for (const e of fromEnd ? [...window].reverse() : window) {
    if (bytes + eventBytes(e) > MAX_PAGE_BYTES) break;
    bytes += eventBytes(e);
    kept.push(e);
  }
  if (fromEnd) kept.reverse();
  const first = kept[0];
  const last = kept[kept.length - 1];
  const at = cursor?.[2] ?? ZERO;
  return {
    events: kept.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp })),
    // At either end the token passed in comes back unchanged, which is how readers know they are done.
    nextForwardToken: `f/${last ? successor(last.eventId) : at}`,
    nextBackwardToken: `b/${first ? first.eventId : at}`,
  };
};

export const logsActions: Record<string, LogsAction> = {
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  FilterLogEvents: filterLogEvents,
  GetLogEvents: getLogEvents,
};
