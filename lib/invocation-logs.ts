/**
 * Invocations read back from a function's CloudWatch Logs log group: the Lambda platform's lines parsed
 * into the Invocations tab's summaries. Pure (no SDK, no I/O), so it is tested on real-looking lines.
 *
 * Text log format (LoggingConfig.LogFormat "Text"), one CloudWatch event per line:
 *   START RequestId: <id> Version: <version>
 *   END RequestId: <id>
 *   REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB
 *          [\tInit Duration: 150.22 ms][\tStatus: timeout|error][\tError Type: Runtime.ExitError]
 * JSON log format, the Telemetry API's records:
 *   {"time":…,"type":"platform.start","record":{"requestId":…,"version":…}}
 *   {"time":…,"type":"platform.runtimeDone","record":{"requestId":…,"status":"success|error|timeout",…}}
 *   {"time":…,"type":"platform.report","record":{"requestId":…,"metrics":{"durationMs":…,"billedDurationMs":…,
 *     "memorySizeMB":…,"maxMemoryUsedMB":…,"initDurationMs"?:…},"status":…,"errorType"?:…}}
 * A Text REPORT says nothing of a function error (only of platform-ended ones), so errors also come from
 * the runtimes' own lines: Node's `<time>\t<id>\tERROR\tInvoke Error \t{"errorType":…,"errorMessage":…}`,
 * Python's `[ERROR] TypeError: message`, JSON records with `errorType` at level ERROR, and
 * `<time> <id> Task timed out after 3.00 seconds`.
 */
import type { InvocationRun, InvocationStatus } from "@/lib/lambda-model/invocation-records";

export interface PlatformStart {
  kind: "start";
  requestId: string;
  version?: string;
}

export interface PlatformEnd {
  kind: "end";
  requestId: string;
  status?: "success" | "error" | "timeout" | "failure";
  errorType?: string;
}

export interface PlatformReport {
  kind: "report";
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  /** Text REPORTs carry it only for invocations the platform ended; JSON reports always. */
  status?: "success" | "error" | "timeout" | "failure";
  errorType?: string;
}

export type PlatformLine = PlatformStart | PlatformEnd | PlatformReport;

const UUIDISH = "[0-9A-Za-z-]+";
const START_RE = new RegExp(`^START RequestId: (${UUIDISH})(?:\\s+Version: (\\S+))?`);
const END_RE = new RegExp(`^END RequestId: (${UUIDISH})`);
const REPORT_RE = new RegExp(`^REPORT RequestId: (${UUIDISH})`);

const field = (line: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\t|\\s)${name}: ([^\\t]+?)\\s*(?:\\t|$)`).exec(line)?.[1];

const number = (text: string | undefined): number | undefined => {
  const n = text === undefined ? NaN : Number.parseFloat(text);
  return Number.isFinite(n) ? n : undefined;
};

type JsonRecord = Record<string, unknown>;

function jsonOf(message: string): JsonRecord | undefined {
  const text = message.trim();
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): JsonRecord => (typeof v === "object" && v !== null ? (v as JsonRecord) : {});

const STATUSES = new Set(["success", "error", "timeout", "failure"]);
const statusOf = (v: unknown) =>
  typeof v === "string" && STATUSES.has(v) ? (v as PlatformReport["status"]) : undefined;

/** A platform line (Text or JSON format), or undefined for anything else. */
export function parsePlatformLine(message: string): PlatformLine | undefined {
  const line = message.replace(/\r?\n$/, "");
  if (line.startsWith("{")) return parseJsonPlatform(line);
  let m = START_RE.exec(line);
  if (m?.[1]) return { kind: "start", requestId: m[1], ...(m[2] ? { version: m[2] } : {}) };
  m = END_RE.exec(line);
  if (m?.[1]) return { kind: "end", requestId: m[1] };
  m = REPORT_RE.exec(line);
  if (!m?.[1]) return undefined;
  const durationMs = number(field(line, "Duration"));
  const billedDurationMs = number(field(line, "Billed Duration"));
  const memorySizeMB = number(field(line, "Memory Size"));
  const maxMemoryUsedMB = number(field(line, "Max Memory Used"));
  if (durationMs === undefined || billedDurationMs === undefined) return undefined;
  const initDurationMs = number(field(line, "Init Duration"));
  const status = statusOf(field(line, "Status"));
  const errorType = field(line, "Error Type");
  return {
    kind: "report",
    requestId: m[1],
    durationMs,
    billedDurationMs,
    memorySizeMB: memorySizeMB ?? 0,
    maxMemoryUsedMB: maxMemoryUsedMB ?? 0,
    ...(initDurationMs !== undefined ? { initDurationMs } : {}),
    ...(status ? { status } : {}),
    ...(errorType ? { errorType } : {}),
  };
}

function parseJsonPlatform(line: string): PlatformLine | undefined {
  const json = jsonOf(line);
  if (!json) return undefined;
  const record = obj(json.record);
  const requestId = str(record.requestId);
  if (!requestId) return undefined;
  const status = statusOf(record.status);
  const errorType = str(record.errorType);
  switch (json.type) {
    case "platform.start": {
      const version = str(record.version);
      return { kind: "start", requestId, ...(version ? { version } : {}) };
    }
    case "platform.runtimeDone":
      return { kind: "end", requestId, ...(status ? { status } : {}), ...(errorType ? { errorType } : {}) };
    case "platform.report": {
      const metrics = obj(record.metrics);
      const durationMs = num(metrics.durationMs);
      const billedDurationMs = num(metrics.billedDurationMs);
      if (durationMs === undefined || billedDurationMs === undefined) return undefined;
      const initDurationMs = num(metrics.initDurationMs);
      return {
        kind: "report",
        requestId,
        durationMs,
        billedDurationMs,
        memorySizeMB: num(metrics.memorySizeMB) ?? 0,
        maxMemoryUsedMB: num(metrics.maxMemoryUsedMB) ?? 0,
        ...(initDurationMs !== undefined ? { initDurationMs } : {}),
        ...(status ? { status } : {}),
        ...(errorType ? { errorType } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** An invocation's failure as a runtime logged it. */
export interface LoggedError {
  /** When the line names it (Node, JSON records, timeouts); Python's error line does not. */
  requestId?: string;
  errorType: string;
  errorMessage?: string;
  timeout?: boolean;
}

const ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z";
// Node (Text): `<time>\t<id>\tERROR\tInvoke Error \t{…}` (also `Unhandled Promise Rejection`).
const NODE_ERROR_RE = new RegExp(
  `^${ISO}\\t(${UUIDISH})\\t(?:ERROR|FATAL)\\t(?:Invoke Error|Unhandled Promise Rejection)\\s*\\t?(\\{.*\\})`,
);
// Python (Text): `[ERROR] TypeError: message` — a space after the level, where `logging` puts a tab.
const PYTHON_ERROR_RE = /^\[ERROR\] ([A-Za-z_][\w.]*): ?([^\r\n]*)/;
const TIMEOUT_RE = new RegExp(`^${ISO}\\s+(${UUIDISH})\\s+Task timed out after ([\\d.]+) seconds`);

/** The error a line reports for its invocation, or undefined when it reports none. */
export function parseErrorLine(message: string): LoggedError | undefined {
  const line = message.replace(/\r?\n$/, "");
  let m = NODE_ERROR_RE.exec(line);
  if (m?.[1] && m[2]) {
    const body = jsonOf(m[2]);
    const errorType = str(body?.errorType);
    if (errorType) {
      const errorMessage = str(body?.errorMessage);
      return { requestId: m[1], errorType, ...(errorMessage !== undefined ? { errorMessage } : {}) };
    }
  }
  m = TIMEOUT_RE.exec(line);
  if (m?.[1]) {
    return {
      requestId: m[1],
      errorType: "Sandbox.Timedout",
      errorMessage: `Task timed out after ${m[2]} seconds`,
      timeout: true,
    };
  }
  m = PYTHON_ERROR_RE.exec(line);
  if (m?.[1]) return { errorType: m[1], ...(m[2] ? { errorMessage: m[2] } : {}) };
  const json = jsonOf(line);
  if (json && !("type" in json && "record" in json)) return jsonError(json);
  return undefined;
}

/**
 * A JSON application record of an unhandled error: level ERROR/FATAL with an errorType (Python), or a
 * Node `Invoke Error` whose message embeds the error.
 */
function jsonError(json: JsonRecord): LoggedError | undefined {
  const level = str(json.level) ?? str(json.log_level);
  if (level !== "ERROR" && level !== "FATAL") return undefined;
  const requestId = str(json.requestId) ?? str(json.AWSRequestId);
  const message = str(json.message);
  const fromField = str(json.errorType);
  if (message?.startsWith("Invoke Error") || message?.startsWith("Unhandled Promise Rejection")) {
    const embedded = jsonOf(message.slice(message.indexOf("{")));
    const errorType = str(embedded?.errorType) ?? fromField;
    if (!errorType) return undefined;
    const errorMessage = str(embedded?.errorMessage) ?? str(json.errorMessage);
    return {
      ...(requestId ? { requestId } : {}),
      errorType,
      ...(errorMessage !== undefined ? { errorMessage } : {}),
    };
  }
  // Python's unhandled errors are logged at ERROR with the error's fields (and a stack trace).
  if (fromField && ("stackTrace" in json || "errorMessage" in json) && !message) {
    const errorMessage = str(json.errorMessage);
    return {
      ...(requestId ? { requestId } : {}),
      errorType: fromField,
      ...(errorMessage !== undefined ? { errorMessage } : {}),
    };
  }
  return undefined;
}

/** The version a Lambda log stream belongs to: `2026/01/31/[$LATEST]0a1b…` → `$LATEST`. */
export function versionOfStream(stream: string | undefined): string | undefined {
  return stream ? /^\d{4}\/\d{2}\/\d{2}\/\[([^\]]+)\]/.exec(stream)?.[1] : undefined;
}

/** A CloudWatch Logs event, as FilterLogEvents returns it. */
export interface LogEventLike {
  timestamp?: number;
  message?: string;
  logStreamName?: string;
}

/**
 * What the Invocations tab shows of an invocation read from CloudWatch Logs. Version comes from the START
 * line, else the log stream's name; StartTime is REPORT's time less the duration, EndTime when REPORT was
 * written.
 */
export interface LoggedInvocationSummary extends InvocationRun {
  Source: "CloudWatchLogs";
  LogGroup: string;
  LogStream: string;
}

export interface LoggedInvocationDetail extends LoggedInvocationSummary {
  /** The invocation's lines from its stream (init, START … REPORT), as text. */
  Log: string;
  /** The stream had more lines in that span than were read. */
  LogTruncated: boolean;
}

/** A page of invocations read from a log group (`LogGroupExists` false: Lambda has not created it yet). */
export interface LoggedInvocationsPage {
  Source: "CloudWatchLogs";
  LogGroup: string;
  LogGroupExists: boolean;
  Invocations: LoggedInvocationSummary[];
  NextMarker?: string;
}

function statusFrom(
  report: PlatformReport,
  end: PlatformEnd | undefined,
  error: LoggedError | undefined,
): InvocationStatus {
  const status = report.status ?? end?.status;
  if (status === "timeout" || error?.timeout) return "Timeout";
  if (status === "error" || status === "failure" || error) return "Error";
  return "Success";
}

/**
 * Invocation summaries from a log group's events: one per REPORT (Text or JSON), newest first. Errors
 * are tied to their invocation by request id, or — Python's line names none — by stream and time: an
 * execution environment (a stream) runs one invocation at a time.
 */
export function summarizeInvocations(
  events: LogEventLike[],
  context: { functionName: string; logGroup: string },
): LoggedInvocationSummary[] {
  const reports: { report: PlatformReport; at: number; stream: string }[] = [];
  const starts = new Map<string, PlatformStart>();
  const ends = new Map<string, PlatformEnd>();
  const errors: { error: LoggedError; at: number; stream: string }[] = [];
  for (const e of events) {
    const message = e.message ?? "";
    const at = e.timestamp ?? 0;
    const stream = e.logStreamName ?? "";
    const platform = parsePlatformLine(message);
    if (platform?.kind === "report") reports.push({ report: platform, at, stream });
    else if (platform?.kind === "start") starts.set(platform.requestId, platform);
    else if (platform?.kind === "end") ends.set(platform.requestId, platform);
    else {
      const error = parseErrorLine(message);
      if (error) errors.push({ error, at, stream });
    }
  }
  const seen = new Set<string>();
  const out: LoggedInvocationSummary[] = [];
  for (const { report, at, stream } of reports.sort((a, b) => b.at - a.at)) {
    // An asynchronous invocation's retries reuse its request id; the newest attempt stands for it.
    if (seen.has(report.requestId)) continue;
    seen.add(report.requestId);
    const began = at - report.durationMs;
    const error =
      errors.find((e) => e.error.requestId === report.requestId) ??
      errors.find((e) => !e.error.requestId && e.stream === stream && e.at >= Math.floor(began) - 1 && e.at <= at);
    const end = ends.get(report.requestId);
    const status = statusFrom(report, end, error?.error);
    const errorType = status === "Success" ? undefined : (error?.error.errorType ?? report.errorType ?? end?.errorType);
    const errorMessage = status === "Success" ? undefined : error?.error.errorMessage;
    out.push({
      Source: "CloudWatchLogs",
      RequestId: report.requestId,
      FunctionName: context.functionName,
      Version: starts.get(report.requestId)?.version ?? versionOfStream(stream) ?? "$LATEST",
      StartTime: new Date(Math.floor(began)).toISOString(),
      EndTime: new Date(at).toISOString(),
      DurationMs: report.durationMs,
      BilledDurationMs: report.billedDurationMs,
      MemorySizeMB: report.memorySizeMB,
      MaxMemoryUsedMB: report.maxMemoryUsedMB,
      ...(report.initDurationMs !== undefined ? { InitDurationMs: report.initDurationMs } : {}),
      Status: status,
      ...(errorType ? { ErrorType: errorType } : {}),
      ...(errorMessage !== undefined ? { ErrorMessage: errorMessage } : {}),
      LogGroup: context.logGroup,
      LogStream: stream,
    });
  }
  return out;
}

/** The filter pattern that finds REPORT lines in either log format. */
export const REPORT_PATTERN = '?"REPORT RequestId" ?"platform.report"';
/** The filter pattern that finds the lines `parseErrorLine` reads (and some it will turn down). */
export const ERROR_PATTERN = '?"Invoke Error" ?"Unhandled Promise Rejection" ?"[ERROR]" ?"errorType" ?"Task timed out"';
