/**
 * What the Lambda platform itself writes: the START / END / REPORT lines around each invocation, the
 * timeout and crash lines, and the error payloads the platform answers with when the function could not
 * (timeouts, crashes, oversized responses). Wording follows the service.
 */

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  /** Set for invocations the platform ended: `timeout`, or `error` with an error type. */
  status?: "timeout" | "error";
  errorType?: string;
}

export const startLine = (requestId: string, version: string) => `START RequestId: ${requestId} Version: ${version}\n`;

export const endLine = (requestId: string) => `END RequestId: ${requestId}\n`;

export function reportLine(r: ReportFields): string {
  let line =
    `REPORT RequestId: ${r.requestId}\tDuration: ${r.durationMs.toFixed(2)} ms\tBilled Duration: ${r.billedDurationMs} ms` +
    `\tMemory Size: ${r.memorySizeMB} MB\tMax Memory Used: ${r.maxMemoryUsedMB} MB`;
  if (r.initDurationMs !== undefined) line += `\tInit Duration: ${r.initDurationMs.toFixed(2)} ms`;
  if (r.status) line += `\tStatus: ${r.status}`;
  if (r.errorType) line += `\tError Type: ${r.errorType}`;
  return `${line}\n`;
}

/**
 * With LoggingConfig.LogFormat JSON, Lambda writes its system lines as JSON records (the Telemetry API's
 * event shapes): platform.initStart, platform.start, platform.runtimeDone, platform.report. These say when
 * each happened and how the invocation ended.
 */
export interface JsonPlatform {
  initStartedAt: number;
  startedAt: number;
  endedAt: number;
  runtimeVersion: string;
  runtimeVersionArn: string | undefined;
  status: "success" | "error" | "timeout";
  errorType: string | undefined;
}

const record = (time: number, type: string, body: Record<string, unknown>) =>
  `${JSON.stringify({ time: new Date(time).toISOString(), type, record: body })}\n`;

const ms = (value: number) => Math.round(value * 1000) / 1000;

/**
 * One invocation's log as the service writes it: on a cold start INIT_START (+ our notes) and the init
 * output, then START, the function's output, platform lines (timeout, crash), END and REPORT — or, in the
 * JSON log format, the platform records in their place.
 */
export function invocationLog(parts: {
  requestId: string;
  version: string;
  init: { line: string; notes: string[]; output: Buffer | undefined } | undefined;
  output: Buffer;
  trailer: string | undefined;
  report: ReportFields;
  json?: JsonPlatform | undefined;
}): string {
  const { json, report, requestId } = parts;
  let log = "";
  if (parts.init) {
    log += json
      ? record(json.initStartedAt, "platform.initStart", {
          initializationType: "on-demand",
          phase: "init",
          runtimeVersion: json.runtimeVersion,
          ...(json.runtimeVersionArn ? { runtimeVersionArn: json.runtimeVersionArn } : {}),
        })
      : `${parts.init.line}\n`;
    for (const note of parts.init.notes) log += `${note}\n`;
    if (parts.init.output) log += withNewline(parts.init.output.toString("utf8"));
  }
  log += json
    ? record(json.startedAt, "platform.start", { requestId, version: parts.version })
    : startLine(requestId, parts.version);
  log += withNewline(parts.output.toString("utf8"));
  if (parts.trailer) log += parts.trailer;
  if (!json) return log + endLine(requestId) + reportLine(report);
  const outcome = {
    status: json.status,
    ...(json.status !== "success" && json.errorType ? { errorType: json.errorType } : {}),
  };
  log += record(json.endedAt, "platform.runtimeDone", {
    requestId,
    ...outcome,
    metrics: { durationMs: ms(report.durationMs) },
  });
  log += record(json.endedAt, "platform.report", {
    requestId,
    metrics: {
      durationMs: ms(report.durationMs),
      billedDurationMs: report.billedDurationMs,
      memorySizeMB: report.memorySizeMB,
      maxMemoryUsedMB: report.maxMemoryUsedMB,
      ...(report.initDurationMs !== undefined ? { initDurationMs: ms(report.initDurationMs) } : {}),
    },
    ...outcome,
  });
  return log;
}

const withNewline = (text: string) => (text.length === 0 || text.endsWith("\n") ? text : `${text}\n`);

/** `3.00 seconds`, as the service prints a timeout. */
const seconds = (timeoutSeconds: number) => `${timeoutSeconds.toFixed(2)} seconds`;

export const timeoutLogLine = (requestId: string, timeoutSeconds: number) =>
  `${new Date().toISOString()} ${requestId} Task timed out after ${seconds(timeoutSeconds)}\n`;

export function timeoutPayload(requestId: string, timeoutSeconds: number): Buffer {
  return errorPayload(
    "Sandbox.Timedout",
    `RequestId: ${requestId} Error: Task timed out after ${seconds(timeoutSeconds)}`,
  );
}

/** How Go's os/exec (which the service's init process is written in) describes a process end. */
export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) {
    const names: Partial<Record<NodeJS.Signals, string>> = {
      SIGKILL: "killed",
      SIGTERM: "terminated",
      SIGSEGV: "segmentation fault",
      SIGABRT: "aborted",
      SIGINT: "interrupt",
      SIGBUS: "bus error",
      SIGILL: "illegal instruction",
      SIGFPE: "floating point exception",
    };
    return `signal: ${names[signal] ?? signal.toLowerCase().replace(/^sig/, "")}`;
  }
  return `exit status ${code ?? 0}`;
}

export const exitMessage = (requestId: string, description: string) =>
  `RequestId: ${requestId} Error: Runtime exited with error: ${description}`;

export const exitPayload = (requestId: string, description: string) =>
  errorPayload("Runtime.ExitError", exitMessage(requestId, description));

export const tooLargePayload = (bytes: number, limit: number) =>
  errorPayload(
    "Function.ResponseSizeTooLarge",
    `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (${limit} bytes).`,
  );

export function errorPayload(errorType: string, errorMessage: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage }));
}
