/** What the timeline's hover card says about a piece of a bar or of the invocations lane. */
import type { BarMarker, BarSegment, LaneSegment } from "./bar-segments";
import { formatClock, formatDuration } from "./duration-format";
import type { OperationSpan } from "./history-model";
import { statusText } from "./operation-text";

export interface HoverText {
  title: string;
  lines: string[];
}

const range = (from: number, to: number, live: boolean) => `${formatClock(from)} → ${live ? "now" : formatClock(to)}`;

function errorLine(error: { ErrorType?: string; ErrorMessage?: string } | undefined): string[] {
  if (!error) return [];
  return [[error.ErrorType, error.ErrorMessage].filter(Boolean).join(": ")].filter(Boolean);
}

export function segmentText(span: OperationSpan, segment: BarSegment, now: number): HoverText {
  const took = formatDuration(segment.to - segment.from);
  const when = range(segment.from, segment.to, segment.live);
  switch (segment.kind) {
    case "attempt": {
      const attempt = span.attempts.find((a) => a.number === segment.attempt);
      const outcome =
        attempt?.outcome === "retried"
          ? attempt.error
            ? "failed, retried"
            : "checked, not done yet"
          : (attempt?.outcome ?? "running");
      const title = span.attempts.length > 1 ? `${span.label} · attempt ${segment.attempt}` : span.label;
      return { title, lines: [`${capitalize(outcome)} · ${took}`, when, ...errorLine(attempt?.error)] };
    }
    case "retry-delay": {
      const attempt = span.attempts.find((a) => a.number === segment.attempt);
      const planned = attempt?.retryDelaySeconds;
      return {
        title: `${span.label} · retry delay`,
        lines: [
          `${segment.live ? "Waiting" : "Waited"} ${took}${planned !== undefined ? ` (planned ${planned} s)` : ""} before attempt ${(segment.attempt ?? 0) + 1}`,
          when,
        ],
      };
    }
    case "scheduled":
      return {
        title: span.type === "WAIT" ? `${span.label} · still to wait` : `${span.label} · next attempt`,
        lines: [`Due in ${formatDuration(segment.to - now)}`, `at ${formatClock(segment.to)}`],
      };
    case "wait":
      return {
        title: span.label,
        lines: [
          span.end === undefined
            ? `Waiting · ${took}${span.waitSeconds !== undefined ? ` of ${formatDuration(span.waitSeconds * 1000)}` : ""}`
            : `${statusText(span)} after ${took}`,
          when,
        ],
      };
    case "callback":
      return {
        title: span.label,
        lines: [
          span.end === undefined ? `Waiting for an answer · ${took}` : `${statusText(span)} after ${took}`,
          when,
          ...errorLine(span.error?.Payload),
        ],
      };
    case "invoke":
      return {
        title: span.label,
        lines: [
          `${span.end === undefined ? "Invoking" : statusText(span)} ${span.chainedInvoke?.functionName ?? "a function"} · ${took}`,
          when,
          ...errorLine(span.error?.Payload),
        ],
      };
    case "context":
      return {
        title: span.label,
        lines: [`${statusText(span)} · ${took}`, when, ...errorLine(span.error?.Payload)],
      };
  }
}

export function markerText(span: OperationSpan, marker: BarMarker): HoverText {
  return { title: span.label, lines: [marker.label, `at ${formatClock(marker.at)}`] };
}

export function laneText(segment: LaneSegment): HoverText {
  const took = formatDuration(segment.to - segment.from);
  const when = range(segment.from, segment.to, segment.live);
  if (segment.kind === "suspended") {
    return {
      title: "Suspended",
      lines: [`${took} with nothing running: the execution waited on a timer, a retry or a callback`, when],
    };
  }
  const inv = segment.invocation;
  return {
    title: `Invocation ${inv?.number ?? ""}`.trim(),
    lines: [
      segment.live ? `Running · ${took}` : `Ran ${took}`,
      when,
      ...(inv?.requestId ? [`Request ${inv.requestId}`] : []),
      ...errorLine(inv?.error),
    ],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
