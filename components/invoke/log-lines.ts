/**
 * The log tail Lambda returns with `LogType: Tail` (the last 4 KB of the invocation's log), split into
 * lines the viewer can style, and the REPORT line's metrics pulled out.
 */
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
  // Runtime log lines: `<timestamp>\t<request id>\tERROR\t…` (Node) or `[ERROR]` (Python).
  if (/\t(ERROR|FATAL)\t|\[ERROR\]|^Error:|Task timed out|Runtime\.\w+Error|^\s+at /.test(line)) return "error";
  if (/\tWARN\t|\[WARNING\]/.test(line)) return "warn";
  return "text";
}

export function parseLogTail(text: string | undefined): LogLine[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n");
  return lines.map((line) => ({ kind: classify(line), text: line }));
}

const num = (re: RegExp, text: string): number | undefined => {
  const m = re.exec(text);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
};

/** Metrics from the REPORT line, when the tail still contains it (it is the last line Lambda writes). */
export function parseReport(text: string | undefined): InvokeReport | undefined {
  const line = parseLogTail(text).find((l) => l.kind === "report")?.text;
  if (!line) return undefined;
  const report: InvokeReport = {};
  const requestId = /RequestId:\s*([\w-]+)/.exec(line)?.[1];
  if (requestId) report.requestId = requestId;
  const fields: [keyof Omit<InvokeReport, "requestId">, RegExp][] = [
    ["durationMs", /(?:^|\t|\s)Duration:\s*([\d.]+)\s*ms/],
    ["billedDurationMs", /Billed Duration:\s*([\d.]+)\s*ms/],
    ["memorySizeMb", /Memory Size:\s*(\d+)\s*MB/],
    ["maxMemoryUsedMb", /Max Memory Used:\s*(\d+)\s*MB/],
    ["initDurationMs", /Init Duration:\s*([\d.]+)\s*ms/],
  ];
  for (const [key, re] of fields) {
    const value = num(re, line);
    if (value !== undefined) report[key] = value;
  }
  return report;
}
