/**
 * An invocation record's log as CloudWatch Logs events: one event per line (our Node bootstrap already
 * folds a multi-line message into one line, as Lambda does), each with a timestamp. The record keeps the
 * text, not when each line was written, so a line's time is the one it carries (the runtime's ISO
 * prefix, a JSON record's `timestamp`/`time`), else: INIT_START when init began, START when the handler
 * started, END/REPORT when it ended, anything else its previous line's time — always inside the
 * invocation's span and never earlier than the line before.
 */

export interface RecordLog {
  seq: number;
  requestId: string;
  stream: string;
  startTime: number;
  endTime: number;
  initDurationMs: number | null;
  log: string;
}

export interface LogEvent {
  stream: string;
  timestamp: number;
  /** As Lambda writes them: the line with its newline. */
  message: string;
  /**
   * Orders events the way CloudWatch Logs does (timestamp first) and identifies them while their record
   * lives: timestamp, record seq, line number, as 56 digits (the width of the service's event ids).
   */
  eventId: string;
}

/** When the record's first line can have been written: init began before the handler started. */
export function firstTimeOf(r: Pick<RecordLog, "startTime" | "initDurationMs">): number {
  return Math.floor(r.startTime - (r.initDurationMs ?? 0));
}

const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\s/;
// Python's logging in Lambda: `[INFO]\t2026-01-31T12:00:00.123Z\t<request id>\t…`
const PYTHON_PREFIX = /^\[[A-Z]+\]\t(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\t/;

/** The time a line says it was written, if it says. */
export function ownTime(line: string): number | undefined {
  const iso = ISO_PREFIX.exec(line)?.[1] ?? PYTHON_PREFIX.exec(line)?.[1];
  if (iso) return parsed(Date.parse(iso));
  if (line.startsWith("{") && line.endsWith("}")) {
    try {
      const record = JSON.parse(line) as { timestamp?: unknown; time?: unknown };
      const value = typeof record.timestamp === "string" ? record.timestamp : record.time;
      if (typeof value === "string") return parsed(Date.parse(value));
    } catch {
      // Not JSON after all: no time of its own.
    }
  }
  return undefined;
}

const parsed = (ms: number) => (Number.isFinite(ms) ? ms : undefined);

export const eventIdOf = (timestamp: number, seq: number, line: number): string =>
  String(timestamp).padStart(16, "0") + String(seq).padStart(20, "0") + String(line).padStart(20, "0");

export function eventsOf(r: RecordLog): LogEvent[] {
  const lines = r.log.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const first = firstTimeOf(r);
  const end = Math.max(first, r.endTime);
  // The last attempt's platform lines (an asynchronous record holds every attempt) get the record's times.
  const lastStart = lastIndex(lines, `START RequestId: ${r.requestId}`);
  const lastEnd = lastIndex(lines, `END RequestId: ${r.requestId}`);
  const lastReport = lastIndex(lines, `REPORT RequestId: ${r.requestId}`);
  const initStart = lines.findIndex((l) => l.startsWith("INIT_START "));
  const events: LogEvent[] = [];
  let previous = first;
  lines.forEach((line, i) => {
    if (line === "") return;
    let t = ownTime(line);
    if (t === undefined) {
      if (i === lastStart) t = r.startTime;
      else if (i === lastEnd || i === lastReport) t = r.endTime;
      else if (i === initStart && (lastStart < 0 || i < lastStart)) t = first;
      else t = previous;
    }
    t = Math.min(end, Math.max(previous, Math.floor(t)));
    previous = t;
    events.push({ stream: r.stream, timestamp: t, message: `${line}\n`, eventId: eventIdOf(t, r.seq, i) });
  });
  return events;
}

function lastIndex(lines: string[], prefix: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] as string).startsWith(prefix)) return i;
  return -1;
}
