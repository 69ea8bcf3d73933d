/** How an operation reads in words: its state as a person would say it, and a one-line summary for labels. */
import { formatDuration } from "./duration-format";
import { kindLabel, type OperationSpan } from "./history-model";

/** "Waiting for callback", "Retrying", "Running" — sharper than the API's STARTED/PENDING. */
export function statusText(span: OperationSpan): string {
  if (span.end === undefined) {
    if (span.type === "CALLBACK") return "Waiting";
    if (span.type === "WAIT") return "Waiting";
    if (span.type === "CHAINED_INVOKE") return "Invoking";
    if (span.status === "PENDING") return span.attempts.at(-1)?.error ? "Retrying" : "Checking again";
    return "Running";
  }
  if (span.interrupted)
    return span.status === "STOPPED" ? "Stopped" : span.status === "TIMED_OUT" ? "Timed out" : "Cancelled";
  switch (span.status) {
    case "SUCCEEDED":
      return "Succeeded";
    case "FAILED":
      return "Failed";
    case "TIMED_OUT":
      return "Timed out";
    case "CANCELLED":
      return "Cancelled";
    case "STOPPED":
      return "Stopped";
    default:
      return span.status;
  }
}

/** The accessible name of a timeline row: what, which kind, in what state, for how long, after how many tries. */
export function rowDescription(span: OperationSpan, now: number): string {
  const parts = [span.label];
  const kind = kindLabel(span.type, span.subType);
  if (kind !== span.label) parts.push(kind.toLowerCase());
  parts.push(statusText(span).toLowerCase());
  parts.push(formatDuration((span.end ?? now) - span.start));
  if (span.attempts.length > 1) parts.push(`${span.attempts.length} attempts`);
  return parts.join(", ");
}
