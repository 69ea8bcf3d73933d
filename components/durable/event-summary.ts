/** One line per history event for the Events view: what happened, in the event's own terms. */
import type { DurableError, DurableHistoryEvent } from "@/lib/durable-types";
import { formatClock, formatDuration, formatSpanWords } from "./duration-format";
import { parseTime } from "./history-model";

const MAX = 160;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

function err(error: DurableError | undefined): string | undefined {
  if (!error) return undefined;
  return [error.ErrorType, error.ErrorMessage].filter(Boolean).join(": ") || "error";
}

export function eventSummary(event: DurableHistoryEvent): string {
  switch (event.EventType) {
    case "ExecutionStarted": {
      const d = event.ExecutionStartedDetails;
      const timeout = d?.ExecutionTimeout ? `timeout ${formatSpanWords(d.ExecutionTimeout)}` : undefined;
      return clip([d?.Input?.Payload ? `input ${d.Input.Payload}` : "no input", timeout].filter(Boolean).join(" · "));
    }
    case "ExecutionSucceeded":
      return clip(event.ExecutionSucceededDetails?.Result?.Payload ?? "no result");
    case "ExecutionFailed":
      return clip(err(event.ExecutionFailedDetails?.Error?.Payload) ?? "");
    case "ExecutionTimedOut":
      return clip(err(event.ExecutionTimedOutDetails?.Error?.Payload) ?? "execution timeout reached");
    case "ExecutionStopped":
      return clip(err(event.ExecutionStoppedDetails?.Error?.Payload) ?? "stopped");
    case "StepSucceeded": {
      const d = event.StepSucceededDetails;
      const retry = d?.RetryDetails?.NextAttemptDelaySeconds;
      return clip(
        [
          retry !== undefined ? `not done, check again in ${retry} s` : undefined,
          d?.Result?.Payload !== undefined ? d.Result.Payload : "no result",
        ]
          .filter(Boolean)
          .join(" · "),
      );
    }
    case "StepFailed": {
      const d = event.StepFailedDetails;
      const retry = d?.RetryDetails?.NextAttemptDelaySeconds;
      return clip(
        [err(d?.Error?.Payload), retry !== undefined ? `retry in ${retry} s` : "no more retries"]
          .filter(Boolean)
          .join(" · "),
      );
    }
    case "WaitStarted": {
      const d = event.WaitStartedDetails;
      const until = parseTime(d?.ScheduledEndTimestamp);
      return [
        d?.Duration !== undefined ? `wait ${formatDuration(d.Duration * 1000)}` : "wait",
        until !== undefined ? `until ${formatClock(until)}` : undefined,
      ]
        .filter(Boolean)
        .join(" ");
    }
    case "WaitSucceeded":
      return "wait over";
    case "WaitCancelled":
      return clip(err(event.WaitCancelledDetails?.Error?.Payload) ?? "cancelled");
    case "CallbackStarted": {
      const d = event.CallbackStartedDetails;
      return clip(
        [
          d?.CallbackId ? `callback ${d.CallbackId}` : "callback",
          d?.Timeout ? `timeout ${formatSpanWords(d.Timeout)}` : undefined,
          d?.HeartbeatTimeout ? `heartbeat ${formatSpanWords(d.HeartbeatTimeout)}` : undefined,
        ]
          .filter(Boolean)
          .join(" · "),
      );
    }
    case "CallbackSucceeded":
      return clip(event.CallbackSucceededDetails?.Result?.Payload ?? "no result");
    case "CallbackFailed":
      return clip(err(event.CallbackFailedDetails?.Error?.Payload) ?? "");
    case "CallbackTimedOut":
      return clip(err(event.CallbackTimedOutDetails?.Error?.Payload) ?? "timed out");
    case "ContextSucceeded":
      return clip(event.ContextSucceededDetails?.Result?.Payload ?? "");
    case "ContextFailed":
      return clip(err(event.ContextFailedDetails?.Error?.Payload) ?? "");
    case "ChainedInvokeStarted": {
      const d = event.ChainedInvokeStartedDetails;
      return clip(
        [d?.FunctionName, d?.Input?.Payload ? `input ${d.Input.Payload}` : undefined].filter(Boolean).join(" · "),
      );
    }
    case "ChainedInvokeSucceeded":
      return clip(event.ChainedInvokeSucceededDetails?.Result?.Payload ?? "");
    case "ChainedInvokeFailed":
      return clip(err(event.ChainedInvokeFailedDetails?.Error?.Payload) ?? "");
    case "ChainedInvokeTimedOut":
      return clip(err(event.ChainedInvokeTimedOutDetails?.Error?.Payload) ?? "timed out");
    case "ChainedInvokeStopped":
      return clip(err(event.ChainedInvokeStoppedDetails?.Error?.Payload) ?? "stopped");
    case "InvocationCompleted": {
      const d = event.InvocationCompletedDetails;
      const start = parseTime(d?.StartTimestamp);
      const end = parseTime(d?.EndTimestamp);
      return clip(
        [
          start !== undefined && end !== undefined ? `ran ${formatDuration(end - start)}` : undefined,
          d?.RequestId ? `request ${d.RequestId}` : undefined,
          err(d?.Error?.Payload),
        ]
          .filter(Boolean)
          .join(" · "),
      );
    }
    default:
      return "";
  }
}

export type EventTone = "success" | "danger" | "warning" | "neutral" | "progress";

/** The dot beside an event's type: how it ended, when it is an ending. */
export function eventTone(type: string | undefined): EventTone {
  if (!type) return "neutral";
  if (type.endsWith("Succeeded")) return "success";
  if (type.endsWith("Failed")) return "danger";
  if (type.endsWith("TimedOut")) return "warning";
  if (type.endsWith("Started")) return "progress";
  return "neutral";
}
