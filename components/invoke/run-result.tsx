"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import {
  CircleCheckIcon,
  CircleSlashIcon,
  CircleXIcon,
  HistoryIcon,
  LoaderCircleIcon,
  SendIcon,
  SquareIcon,
} from "lucide-react";
import { CopyButton } from "@/components/common/copy-button";
import { ErrorPanel } from "@/components/common/error-panel";
import { JsonView } from "@/components/common/json-view";
import { DurableRunLink } from "@/components/durable/durable-run-link";
import { hasInvocationPages, useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { formatMs } from "./invoke-summary";
import { viewRun, type InvocationRun } from "./invocation-run";
import { LogTailView } from "./log-tail-view";
import { StreamTimeline } from "./stream-timeline";
import { HttpResponseView } from "./http-response-view";

function Metric({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="tabular mt-0.5 truncate text-sm font-medium">{value}</dd>
    </div>
  );
}

/** Milliseconds since the run started, ticking while it runs (the streaming strip and the elapsed label). */
function useNow(run: InvocationRun): number {
  const [now, setNow] = useState(0);
  const { status, startedAt } = run;
  useEffect(() => {
    if (status !== "running") return;
    const tick = () => setNow(Math.round(performance.now() - startedAt));
    const timer = setInterval(tick, 100);
    return () => clearInterval(timer);
  }, [status, startedAt]);
  return run.elapsedMs ?? Math.max(now, run.chunks.at(-1)?.at ?? 0, run.metaAt ?? 0);
}

export function RunResult({
  functionName,
  run,
  onCancel,
  onRetry,
}: {
  functionName: string;
  run: InvocationRun;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const connection = useConnection();
  const now = useNow(run);
  const view = viewRun(run);
  const meta = run.meta;
  const running = run.status === "running";
  const type = run.request.invocationType;
  const requestId = meta?.requestId;
  const streamed = run.request.mode === "stream";
  const failed = Boolean(view.functionError);
  const r = view.report;
  const recordLink =
    requestId && type !== "DryRun" && hasInvocationPages(connection) && run.status === "done"
      ? routes.invocation(functionName, requestId)
      : undefined;

  if (run.status === "failed" && run.error) {
    return <ErrorPanel error={run.error} title={`Could not invoke ${functionName}`} onRetry={onRetry} />;
  }

  const headline = running
    ? streamed
      ? "Streaming response…"
      : `Invoking ${functionName}…`
    : run.status === "aborted"
      ? "Cancelled"
      : failed
        ? `Function error${view.errorType ? `: ${view.errorType}` : ""}`
        : type === "Event"
          ? meta?.durableExecutionArn
            ? "Durable execution started"
            : "Queued for asynchronous invocation"
          : type === "DryRun"
            ? "Dry run passed"
            : "Succeeded";
  const tone = running || run.status === "aborted" ? "neutral" : failed ? "danger" : "success";
  const Icon = running
    ? LoaderCircleIcon
    : run.status === "aborted"
      ? CircleSlashIcon
      : failed
        ? CircleXIcon
        : type === "Event"
          ? SendIcon
          : CircleCheckIcon;

  const sub = running
    ? meta
      ? "Lambda is answering; chunks appear as the function writes them."
      : "The first call also starts an execution environment."
    : run.status === "aborted"
      ? "The request was cancelled; the function may still finish on its own."
      : failed
        ? (view.errorMessage ?? `The function raised an ${view.functionError?.toLowerCase() ?? "unhandled"} error.`)
        : type === "Event"
          ? meta?.durableExecutionArn
            ? "Lambda accepted the event (202); the execution runs on its own. Follow it on its timeline."
            : "Lambda accepted the event (202) and runs the function in the background. See it under Invocations."
          : type === "DryRun"
            ? "The parameters are valid and the caller may invoke the function (204). Nothing ran."
            : `Status ${meta?.statusCode ?? 200} · version ${meta?.executedVersion ?? "$LATEST"}`;

  return (
    <section aria-label="Invocation result" className="space-y-4">
      <div
        role="status"
        className={cn(
          "flex flex-wrap items-start gap-3 rounded-lg border px-4 py-3",
          tone === "success" && "border-success/30 bg-success-soft",
          tone === "danger" && "border-destructive/30 bg-danger-soft",
          tone === "neutral" && "bg-card",
        )}
      >
        <Icon
          className={cn(
            "mt-0.5 size-5 shrink-0",
            running && "text-primary animate-spin",
            tone === "success" && "text-success",
            tone === "danger" && "text-destructive",
            run.status === "aborted" && "text-muted-foreground",
          )}
          aria-hidden
        />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">{headline}</p>
          <p className="text-muted-foreground text-sm break-words">{sub}</p>
          {requestId ? (
            <p className="text-muted-foreground mt-1 flex flex-wrap items-center gap-1 text-xs">
              <span>Request ID</span>
              <code className="text-foreground font-mono">{requestId}</code>
              <CopyButton value={requestId} label="request ID" className="size-6" />
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {running ? (
            <>
              <span className="text-muted-foreground tabular text-sm">{formatMs(now)}</span>
              <Button variant="outline" size="sm" onClick={onCancel}>
                <SquareIcon aria-hidden /> Cancel
              </Button>
            </>
          ) : recordLink ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={recordLink}>
                <HistoryIcon aria-hidden /> Open record
              </Link>
            </Button>
          ) : null}
        </div>
      </div>

      {meta?.durableExecutionArn ? (
        <DurableRunLink functionName={functionName} executionArn={meta.durableExecutionArn} />
      ) : null}

      {type === "RequestResponse" && run.status !== "aborted" ? (
        <dl className="bg-card grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border px-4 py-3 sm:grid-cols-3">
          <Metric label="Duration" value={formatMs(r?.durationMs)} />
          <Metric label="Billed duration" value={formatMs(r?.billedDurationMs)} />
          <Metric
            label="Max memory used"
            value={r?.maxMemoryUsedMb !== undefined ? `${r.maxMemoryUsedMb} of ${r.memorySizeMb ?? "?"} MB` : "—"}
          />
          <Metric
            label="Init duration"
            value={r?.initDurationMs !== undefined ? formatMs(r.initDurationMs) : running ? "—" : "warm start"}
          />
          <Metric label="Executed version" value={meta?.executedVersion ?? "—"} />
          <Metric label="Round trip" value={running ? "…" : formatMs(run.elapsedMs)} />
        </dl>
      ) : null}

      {streamed && type === "RequestResponse" ? <StreamTimeline run={run} now={now} /> : null}

      {type === "RequestResponse" ? (
        <>
          {view.http || view.preludePending ? (
            <HttpResponseView prelude={view.http} pending={view.preludePending} />
          ) : null}
          <div className="space-y-2">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold">{view.http ? "Body" : "Response"}</h3>
              {view.body ? <CopyButton value={view.body} label="response" /> : null}
            </div>
            {running && !view.body ? (
              <p className="text-muted-foreground rounded-md border border-dashed px-3 py-4 text-sm">
                {meta ? "Waiting for the first chunk…" : "Waiting for Lambda…"}
              </p>
            ) : running ? (
              <pre
                aria-label="Response payload"
                className="bg-code max-h-96 overflow-auto rounded-md border p-3 font-mono text-[0.8125rem] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]"
              >
                {view.body}
                <span
                  className="bg-primary ml-0.5 inline-block h-4 w-1.5 animate-pulse align-text-bottom"
                  aria-hidden
                />
              </pre>
            ) : (
              <JsonView text={view.body} label="Response payload" className="max-h-96" />
            )}
          </div>

          <div className="space-y-2">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold">
                Log output <span className="text-muted-foreground font-normal">(last 4 KB)</span>
              </h3>
              {view.log ? <CopyButton value={view.log} label="log" /> : null}
            </div>
            {running ? (
              <p className="text-muted-foreground rounded-md border border-dashed px-3 py-4 text-sm">
                {streamed
                  ? "Lambda sends the log tail with InvokeComplete, at the end of the stream; it appears here then."
                  : "The log tail arrives with the response."}
              </p>
            ) : (
              <LogTailView text={view.log} />
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
