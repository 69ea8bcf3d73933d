/** One invocation's outcome as the Test tab shows it: success or function error, with the REPORT metrics. */
import type { InvokeOutcome } from "@/lib/lambda-types";
import { parseReport, type InvokeReport } from "./log-lines";

export interface InvokeSummary {
  status: "success" | "function-error";
  /** `Unhandled` / `Handled` from X-Amz-Function-Error. */
  functionError?: string;
  errorType?: string;
  errorMessage?: string;
  report?: InvokeReport;
  requestId?: string;
}

function errorPayload(payload: string): { errorType?: string; errorMessage?: string } {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return {};
    const v = value as Record<string, unknown>;
    return {
      ...(typeof v.errorType === "string" ? { errorType: v.errorType } : {}),
      ...(typeof v.errorMessage === "string" ? { errorMessage: v.errorMessage } : {}),
    };
  } catch {
    return {};
  }
}

export function summarizeInvoke(outcome: InvokeOutcome): InvokeSummary {
  const report = parseReport(outcome.LogTail);
  const requestId = outcome.RequestId ?? report?.requestId;
  const base = { ...(report ? { report } : {}), ...(requestId ? { requestId } : {}) };
  if (!outcome.FunctionError) return { status: "success", ...base };
  return { status: "function-error", functionError: outcome.FunctionError, ...errorPayload(outcome.Payload), ...base };
}

/** `12.34` → "12.34 ms", `1234.5` → "1.23 s". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Number.isInteger(ms) ? ms : ms.toFixed(2)} ms`;
}
