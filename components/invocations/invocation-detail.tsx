"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, FlaskConicalIcon, LoaderCircleIcon, RotateCwIcon, SnowflakeIcon } from "lucide-react";
import { CopyButton } from "@/components/common/copy-button";
import { ErrorPanel } from "@/components/common/error-panel";
import { formatBytes } from "@/components/common/format-bytes";
import { JsonView } from "@/components/common/json-view";
import { RelativeTime } from "@/components/common/relative-time";
import { formatMs } from "@/components/invoke/invoke-summary";
import { LogTailView } from "@/components/invoke/log-tail-view";
import { useInvokeStream } from "@/components/invoke/use-invoke-stream";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toConsoleError } from "@/lib/console-error";
import type { InvocationDetail } from "@/lib/lambda-types";
import { invocationOptions } from "@/lib/queries/invocations";
import { routes } from "@/lib/routes";
import { InvocationStatusBadge } from "./invocation-status-badge";
import { LogsSourceNote } from "./logs-source-note";

function Section({
  title,
  note,
  copy,
  copyLabel,
  children,
}: {
  title: string;
  note?: string;
  copy?: string;
  copyLabel?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-label={title} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {title} {note ? <span className="text-muted-foreground font-normal">{note}</span> : null}
        </h2>
        {copy ? <CopyButton value={copy} label={copyLabel ?? title.toLowerCase()} /> : null}
      </div>
      {children}
    </section>
  );
}

function Metric({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="tabular mt-0.5 truncate text-sm font-medium">{value}</dd>
    </div>
  );
}

/** The request and response an emulator record keeps (CloudWatch Logs keeps neither). */
function Payloads({ record }: { record: InvocationDetail }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Section
        title="Request payload"
        note={`(${formatBytes(record.RequestPayloadBytes)}${record.RequestPayloadTruncated ? ", truncated" : ""})`}
        copy={record.RequestPayload}
        copyLabel="request payload"
      >
        <JsonView text={record.RequestPayload} label="Request payload" className="max-h-[28rem]" />
      </Section>
      <Section
        title="Response"
        note={
          record.ResponseStreamed
            ? "(streamed)"
            : `(${formatBytes(record.ResponsePayloadBytes)}${record.ResponsePayloadTruncated ? ", truncated" : ""})`
        }
        {...(record.ResponsePayload ? { copy: record.ResponsePayload, copyLabel: "response" } : {})}
      >
        {record.ResponseStreamed && !record.ResponsePayload ? (
          <p className="text-muted-foreground rounded-md border border-dashed px-3 py-4 text-sm">
            The response was streamed to the caller
            {record.ResponsePayloadBytes > 0 ? ` (${formatBytes(record.ResponsePayloadBytes)})` : ""} and is not kept.
          </p>
        ) : (
          <JsonView text={record.ResponsePayload ?? ""} label="Response payload" className="max-h-[28rem]" />
        )}
      </Section>
    </div>
  );
}

/** `at`: when the invocation's REPORT was logged, if the list read it from CloudWatch Logs. */
export function InvocationDetailView({ name, requestId, at }: { name: string; requestId: string; at?: number }) {
  const router = useRouter();
  const query = useQuery(invocationOptions(requestId, { functionName: name, ...(at !== undefined ? { at } : {}) }));
  const { run, invoke } = useInvokeStream(name);
  const record = query.data;

  // A re-run opens its own record once Lambda has answered.
  const newRequestId = run?.status === "done" ? run.meta?.requestId : undefined;
  useEffect(() => {
    if (newRequestId && newRequestId !== requestId) router.push(routes.invocation(name, newRequestId));
  }, [newRequestId, requestId, name, router]);

  const back = (
    <Button variant="ghost" size="sm" asChild className="-ml-2">
      <Link href={routes.function(name, "invocations")}>
        <ArrowLeftIcon aria-hidden /> All invocations
      </Link>
    </Button>
  );

  if (query.isPending) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading the invocation">
        {back}
        <Skeleton className="h-8 w-96" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (query.isError || !record) {
    const error = toConsoleError(query.error);
    return (
      <div className="space-y-4">
        {back}
        <ErrorPanel
          error={error}
          title={
            error.code === "ResourceNotFoundException"
              ? "No record of this invocation"
              : "Could not load the invocation"
          }
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }

  const rerunning = run?.status === "running";
  // Read from CloudWatch Logs: no payloads to show or re-run with.
  const logged = "Source" in record ? record : undefined;
  function rerun() {
    if (!record || "Source" in record) return;
    void invoke({
      payload: record.RequestPayload || "{}",
      invocationType: record.InvocationType === "Event" ? "Event" : "RequestResponse",
      mode: record.ResponseStreamed ? "stream" : "buffered",
      ...(record.Version !== "$LATEST" ? { qualifier: record.Version } : {}),
    });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        {back}
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div className="min-w-0 space-y-1.5">
            <div className="flex flex-wrap items-center gap-2.5">
              <h2 className="text-lg font-semibold tracking-tight">Invocation</h2>
              <InvocationStatusBadge status={record.Status} />
              {record.InitDurationMs !== undefined ? (
                <span className="text-primary inline-flex items-center gap-1 text-xs font-medium">
                  <SnowflakeIcon className="size-3" aria-hidden /> Cold start
                </span>
              ) : null}
            </div>
            <p className="text-muted-foreground flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <code className="text-foreground font-mono text-[0.8125rem]">{record.RequestId}</code>
              <CopyButton value={record.RequestId} label="request ID" className="size-6" />
              <span aria-hidden>·</span>
              <RelativeTime value={record.StartTime} />
              <span aria-hidden>·</span>
              <span>
                {"Source" in record ? null : `${record.InvocationType} · `}version{" "}
                <span className="font-mono">{record.Version}</span>
              </span>
            </p>
          </div>
          {logged ? null : (
            <div className="flex items-center gap-2">
              <Button variant="outline" size="sm" asChild>
                <Link href={routes.functionTest(name, { from: record.RequestId })}>
                  <FlaskConicalIcon aria-hidden /> Open in Test tab
                </Link>
              </Button>
              <Button size="sm" onClick={rerun} disabled={rerunning}>
                {rerunning ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <RotateCwIcon aria-hidden />}
                {rerunning ? "Re-running…" : "Re-run with this payload"}
              </Button>
            </div>
          )}
        </div>
        {run?.status === "failed" && run.error ? (
          <ErrorPanel error={run.error} title="The re-run failed" onRetry={rerun} />
        ) : null}
        {logged ? <LogsSourceNote logGroup={logged.LogGroup} detail /> : null}
      </div>

      <dl className="bg-card grid grid-cols-2 gap-4 rounded-lg border px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
        <Metric label="Duration" value={formatMs(record.DurationMs)} />
        <Metric label="Billed duration" value={formatMs(record.BilledDurationMs)} />
        <Metric label="Max memory used" value={`${record.MaxMemoryUsedMB} of ${record.MemorySizeMB} MB`} />
        <Metric
          label="Init duration"
          value={record.InitDurationMs !== undefined ? formatMs(record.InitDurationMs) : "warm start"}
        />
        <Metric label="Started" value={new Date(record.StartTime).toISOString().slice(11, 23)} />
        <Metric label="Ended" value={new Date(record.EndTime).toISOString().slice(11, 23)} />
      </dl>

      {record.Status !== "Success" ? (
        <div role="alert" className="border-destructive/30 bg-danger-soft rounded-lg border px-4 py-3 text-sm">
          <p className="font-semibold">
            {record.Status === "Timeout" ? "Timed out" : "Function error"}
            {record.ErrorType ? (
              <code className="text-destructive ml-2 font-mono text-xs">{record.ErrorType}</code>
            ) : null}
          </p>
          {record.ErrorMessage ? <p className="text-foreground/90 mt-1 break-words">{record.ErrorMessage}</p> : null}
        </div>
      ) : null}

      {"Source" in record ? (
        <section aria-label="Payloads" className="space-y-2">
          <h2 className="text-sm font-semibold">Request and response</h2>
          <p className="text-muted-foreground rounded-md border border-dashed px-3 py-4 text-sm">
            Not available: CloudWatch Logs keeps an invocation&apos;s log lines and metrics, not its request or response
            payload. Log the event from the function if you need to see it here.
          </p>
        </section>
      ) : (
        <Payloads record={record} />
      )}

      <Section title="Log" note={record.LogTruncated ? "(truncated)" : undefined} copy={record.Log} copyLabel="log">
        <LogTailView text={record.Log} />
      </Section>
    </div>
  );
}
