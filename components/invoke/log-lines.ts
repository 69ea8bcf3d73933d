/**
 * The log tail Lambda returns with `LogType: Tail` (the last 4 KB of the invocation's log), split into
 * lines the viewer can style, and the REPORT line's metrics pulled out — in the Text log format or the
 * JSON one (platform.start / platform.report records), read by lib/invocation-logs.
 */
import { parsePlatformLine } from "@/lib/invocation-logs";

export type LogLineKind = "start" | "end" | "report" | "error" | "warn" | "text";

export interface LogLine {
  kind: LogLineKind;
  text: string;
}

export interface InvokeReport {
  requestId?: string;
  durationMs?: number;
  billedDurationMs?: number;
  memorySizeMb?: number;
  maxMemoryUsedMb?: number;
  initDurationMs?: number;
}

function classify(line: string): LogLineKind {
  if (line.startsWith("START RequestId:")) return "start";
  if (line.startsWith("END RequestId:")) return "end";
  if (line.startsWith("REPORT RequestId:")) return "report";
  const platform = line.startsWith("{") ? parsePlatformLine(line) : undefined;
  if (platform) return platform.kind;
  // Runtime log lines: `<timestamp>\t<request id>\tERROR\t…` (Node) or `[ERROR]` (Python), or JSON records.
  if (
    /\t(ERROR|FATAL)\t|\[ERROR\]|^Error:|Task timed out|Runtime\.\w+Error|^\s+at |^\{"[^"]+":[^\n]*"level":"(ERROR|FATAL)"/.test(
      line,
    )
  ) {
    return "error";
  }
  if (/\tWARN\t|\[WARNING\]|^\{"[^"]+":[^\n]*"level":"WARN"/.test(line)) return "warn";
  return "text";
}

export function parseLogTail(text: string | undefined): LogLine[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n");
  return lines.map((line) => ({ kind: classify(line), text: line }));
}

/** Metrics from the REPORT line, when the tail still contains it (it is the last line Lambda writes). */
export function parseReport(text: string | undefined): InvokeReport | undefined {
  for (const line of parseLogTail(text)) {
    if (line.kind !== "report") continue;
    const r = parsePlatformLine(line.text);
    if (r?.kind !== "report") continue;
    return {
      requestId: r.requestId,
      durationMs: r.durationMs,
      billedDurationMs: r.billedDurationMs,
      memorySizeMb: r.memorySizeMB,
      maxMemoryUsedMb: r.maxMemoryUsedMB,
      ...(r.initDurationMs !== undefined ? { initDurationMs: r.initDurationMs } : {}),
    };
  }
  return undefined;
}
