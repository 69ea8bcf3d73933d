/**
 * What one operation's bar is made of, in time: step attempts and the retry delays between them, a wait
 * and what is left of it, a callback's pending time, a context's span — plus the markers drawn on top
 * (a failed attempt, a wait's due time, a callback's timeout). Pure: the view maps times to pixels.
 */
import type { InvocationSpan, OperationSpan } from "./history-model";

export type SegmentKind =
  /** A step function ran. */
  | "attempt"
  /** Between a failed attempt and the next one: the retry delay. */
  | "retry-delay"
  /** A wait, elapsed. */
  | "wait"
  /** A callback waiting for its answer (or answered). */
  | "callback"
  /** A child context, map, parallel or waitForCallback: spans its children. */
  | "context"
  /** A chained invoke of another function. */
  | "invoke"
  /** Still to come: the rest of a wait, or the delay until a scheduled retry. */
  | "scheduled";

export type SegmentTone = "running" | "succeeded" | "failed" | "warning" | "neutral";

export interface BarSegment {
  kind: SegmentKind;
  from: number;
  to: number;
  tone: SegmentTone;
  /** It grows with "now". */
  live: boolean;
  /** For attempts and their delays: which attempt. */
  attempt?: number;
}

export type MarkerKind = "retry" | "due" | "timeout";

export interface BarMarker {
  kind: MarkerKind;
  at: number;
  label: string;
}

export interface Bar {
  segments: BarSegment[];
  markers: BarMarker[];
  from: number;
  to: number;
}

function toneOf(span: OperationSpan): SegmentTone {
  switch (span.status) {
    case "SUCCEEDED":
      return "succeeded";
    case "FAILED":
      return "failed";
    case "TIMED_OUT":
      return "warning";
    case "CANCELLED":
    case "STOPPED":
      return "neutral";
    default:
      return "running";
  }
}

const seconds = (s: number) => (s === 1 ? "1 second" : `${s} seconds`);

function stepBar(span: OperationSpan, now: number): Pick<Bar, "segments" | "markers"> {
  const segments: BarSegment[] = [];
  const markers: BarMarker[] = [];
  span.attempts.forEach((attempt, i) => {
    const end = attempt.end ?? now;
    const tone: SegmentTone =
      attempt.outcome === "succeeded"
        ? "succeeded"
        : attempt.outcome === "failed"
          ? "failed"
          : attempt.outcome === "running"
            ? "running"
            : attempt.outcome === "interrupted"
              ? "neutral"
              : attempt.error
                ? "failed"
                : "neutral";
    segments.push({
      kind: "attempt",
      from: attempt.start,
      to: end,
      tone,
      live: attempt.end === undefined,
      attempt: attempt.number,
    });
    if (attempt.outcome !== "retried") return;
    const verb = attempt.error ? "failed" : "checked";
    markers.push({
      kind: "retry",
      at: end,
      label: `Attempt ${attempt.number} ${verb}; next in ${seconds(attempt.retryDelaySeconds ?? 0)}`,
    });
    const next = span.attempts[i + 1];
    if (next) {
      segments.push({
        kind: "retry-delay",
        from: end,
        to: next.start,
        tone: "neutral",
        live: false,
        attempt: attempt.number,
      });
      return;
    }
    // The retry is still to come: the delay so far, then what is left of it (the execution may have ended).
    const due = span.nextAttemptAt ?? end;
    const until = span.end ?? now;
    segments.push({
      kind: "retry-delay",
      from: end,
      to: Math.min(until, Math.max(end, due)),
      tone: "neutral",
      live: span.end === undefined,
      attempt: attempt.number,
    });
    if (span.end === undefined && due > now) {
      segments.push({ kind: "scheduled", from: now, to: due, tone: "neutral", live: true });
      markers.push({ kind: "due", at: due, label: `Attempt ${attempt.number + 1} due` });
    }
  });
  return { segments, markers };
}

export function barOf(span: OperationSpan, now: number): Bar {
  const open = span.end === undefined;
  const to = span.end ?? Math.max(now, span.start);
  let segments: BarSegment[] = [];
  let markers: BarMarker[] = [];
  switch (span.type) {
    case "STEP":
      ({ segments, markers } = stepBar(span, now));
      if (segments.length === 0) segments = [{ kind: "attempt", from: span.start, to, tone: toneOf(span), live: open }];
      break;
    case "WAIT":
      segments = [{ kind: "wait", from: span.start, to, tone: toneOf(span), live: open }];
      if (span.scheduledEnd !== undefined) {
        if (open && span.scheduledEnd > now) {
          segments.push({ kind: "scheduled", from: now, to: span.scheduledEnd, tone: "neutral", live: true });
        }
        if (open) markers.push({ kind: "due", at: span.scheduledEnd, label: "Wait ends" });
      }
      break;
    case "CALLBACK": {
      segments = [{ kind: "callback", from: span.start, to, tone: toneOf(span), live: open }];
      const timeout = span.callback?.timeoutSeconds;
      if (open && timeout)
        markers.push({ kind: "timeout", at: span.start + timeout * 1000, label: "Callback times out" });
      break;
    }
    case "CONTEXT":
      segments = [{ kind: "context", from: span.start, to, tone: toneOf(span), live: open }];
      break;
    case "CHAINED_INVOKE":
      segments = [{ kind: "invoke", from: span.start, to, tone: toneOf(span), live: open }];
      break;
  }
  const from = Math.min(span.start, ...segments.map((s) => s.from));
  const end = Math.max(to, ...segments.map((s) => s.to));
  return { segments, markers, from, to: end };
}

/** An invocation lane segment: when the function ran, or the stretch it was suspended in between. */
export interface LaneSegment {
  kind: "ran" | "suspended";
  from: number;
  to: number;
  live: boolean;
  invocation?: InvocationSpan;
}

/**
 * The invocations lane: each invocation, and the suspended stretches between them (and after the last
 * one while the execution waits). Before the first recorded invocation nothing is drawn.
 */
export function invocationLane(
  invocations: readonly InvocationSpan[],
  executionEnd: number | undefined,
  now: number,
): LaneSegment[] {
  const out: LaneSegment[] = [];
  let cursor: number | undefined;
  for (const inv of invocations) {
    if (cursor !== undefined && inv.start > cursor)
      out.push({ kind: "suspended", from: cursor, to: inv.start, live: false });
    const end = inv.end ?? now;
    out.push({ kind: "ran", from: inv.start, to: end, live: inv.end === undefined, invocation: inv });
    cursor = Math.max(cursor ?? end, end);
  }
  const tail = executionEnd ?? now;
  if (cursor !== undefined && tail > cursor && invocations.at(-1)?.end !== undefined) {
    out.push({ kind: "suspended", from: cursor, to: tail, live: executionEnd === undefined });
  }
  return out;
}
