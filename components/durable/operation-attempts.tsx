"use client";

import Link from "next/link";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { formatDuration } from "./duration-format";
import {
  invocationAt,
  type Attempt,
  type ExecutionModel,
  type InvocationSpan,
  type OperationSpan,
} from "./history-model";

const ATTEMPT_OUTCOME: Record<Attempt["outcome"] | "checked", string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  retried: "Failed, retried",
  checked: "Not done, checked again",
  interrupted: "Interrupted",
};

/** "#2 · ran 25 ms", linking to the invocation's record (and its log) where the endpoint keeps records. */
export function InvocationRef({
  invocation,
  functionName,
  records,
  compact = false,
}: {
  invocation: InvocationSpan;
  functionName: string;
  records: boolean;
  compact?: boolean;
}) {
  const text = compact ? `invocation #${invocation.number}` : `#${invocation.number}`;
  const ran = invocation.end !== undefined ? formatDuration(invocation.end - invocation.start) : "running now";
  return (
    <span className="tabular">
      {records && invocation.requestId ? (
        <Link
          href={routes.invocation(functionName, invocation.requestId)}
          className="text-primary underline-offset-4 hover:underline"
          aria-label={`Invocation ${invocation.number}: open its record and log`}
        >
          {text}
        </Link>
      ) : (
        text
      )}
      {compact ? null : <span className="text-muted-foreground"> · {ran}</span>}
    </span>
  );
}

function AttemptInvocation({
  at,
  model,
  functionName,
  records,
}: {
  at: number;
  model: ExecutionModel;
  functionName: string;
  records: boolean;
}) {
  const invocation = invocationAt(model.invocations, at);
  if (!invocation) return null;
  return (
    <>
      {" · "}
      <InvocationRef invocation={invocation} functionName={functionName} records={records} compact />
    </>
  );
}

/** A step's attempts: how each went, how long it took, the delay after it, and the invocation that ran it. */
export function Attempts({
  span,
  now,
  model,
  functionName,
  records,
}: {
  span: OperationSpan;
  now: number;
  model: ExecutionModel;
  functionName: string;
  records: boolean;
}) {
  return (
    <section aria-label="Attempts" className="space-y-1.5">
      <h3 className="text-sm font-semibold">Attempts</h3>
      <ol className="divide-y rounded-md border text-[0.8125rem]">
        {span.attempts.map((a) => (
          <li key={a.number} className="space-y-0.5 px-3 py-1.5">
            <div className="flex items-center gap-2">
              <span className="tabular w-5 font-medium">#{a.number}</span>
              <span
                className={cn(
                  "font-medium",
                  a.outcome === "succeeded" && "text-success",
                  (a.outcome === "failed" || (a.outcome === "retried" && a.error)) && "text-destructive",
                )}
              >
                {ATTEMPT_OUTCOME[a.outcome === "retried" && !a.error ? "checked" : a.outcome]}
              </span>
              <span className="text-muted-foreground tabular ml-auto text-xs">
                {formatDuration((a.end ?? now) - a.start)}
                {a.retryDelaySeconds !== undefined ? ` · then ${a.retryDelaySeconds} s delay` : ""}
                <AttemptInvocation at={a.start} model={model} functionName={functionName} records={records} />
              </span>
            </div>
            {a.error ? (
              <p className="text-muted-foreground truncate pl-7 font-mono text-xs" title={a.error.ErrorMessage}>
                {[a.error.ErrorType, a.error.ErrorMessage].filter(Boolean).join(": ")}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
