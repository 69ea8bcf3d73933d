"use client";

import { useState } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { ChevronRightIcon, HeartPulseIcon, LoaderCircleIcon, SendIcon, XIcon, OctagonXIcon } from "lucide-react";
import { CopyButton } from "@/components/common/copy-button";
import { JsonView } from "@/components/common/json-view";
import { useDialogState } from "@/components/common/use-dialog-state";
import { hasInvocationRecords, useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { executionKey, parseDurableExecutionArn } from "@/lib/durable-arn";
import type { DurableHistoryEvent } from "@/lib/durable-types";
import { useSendCallbackHeartbeat } from "@/lib/queries/durable-executions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { SendCallbackFailureDialog, SendCallbackSuccessDialog } from "./callback-dialogs";
import { formatClock, formatDuration } from "./duration-format";
import {
  invocationAt,
  kindLabel,
  parseTime,
  type Attempt,
  type ExecutionModel,
  type InvocationSpan,
  type OperationSpan,
} from "./history-model";
import { OperationIcon, TYPE_TEXT } from "./operation-icon";
import { statusText } from "./operation-text";
import { errorJson, PayloadPane } from "./payload-pane";
import { DurableStatusBadge } from "./status-badge";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-baseline gap-3 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** A time as a clock reading plus its offset from the execution's start ("14:03:07.120 · +1.24 s"). */
function When({ at, origin }: { at: number | undefined; origin: number | undefined }) {
  if (at === undefined) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="tabular">
      {formatClock(at)}
      {origin !== undefined ? (
        <span className="text-muted-foreground"> · +{formatDuration(Math.max(0, at - origin))}</span>
      ) : null}
    </span>
  );
}

/**
 * Everything about the selected operation: what it is, when, how each attempt went, its payloads, the
 * history events it produced — and, for a callback that waits, the three answers a caller could send.
 */
export function OperationInspector({
  span,
  model,
  executionArn,
  functionName,
  now,
  onClose,
  onSelect,
}: {
  span: OperationSpan;
  model: ExecutionModel;
  executionArn: string;
  functionName: string;
  now: number;
  onClose: () => void;
  onSelect: (id: string) => void;
}) {
  const parent = span.parentId ? model.byId.get(span.parentId) : undefined;
  const origin = model.start;
  const open = span.end === undefined;
  const callbackId = span.callback?.id;
  const child = span.chainedInvoke?.executionArn
    ? parseDurableExecutionArn(span.chainedInvoke.executionArn)
    : undefined;
  const childKey = span.chainedInvoke?.executionArn ? executionKey(span.chainedInvoke.executionArn) : undefined;
  // The invocation that ran the operation (its first attempt, for a step): its record holds the log.
  const ranIn = invocationAt(model.invocations, span.attempts[0]?.start ?? span.start);
  const records = hasInvocationRecords(useConnection());

  return (
    <aside
      aria-label="Operation details"
      onKeyDown={(e) => {
        // Escape closes the panel from inside it too; a dialog opened from here handles its own.
        if (e.key !== "Escape" || (e.target as HTMLElement).closest("[role=dialog]")) return;
        e.preventDefault();
        onClose();
      }}
      className="bg-card flex max-h-[calc(100dvh-6rem)] min-w-0 flex-col rounded-lg border lg:sticky lg:top-20"
    >
      <div className="flex items-start gap-2.5 border-b px-4 py-3">
        <OperationIcon
          type={span.type}
          subType={span.subType}
          className={cn("mt-0.5 size-4 shrink-0", TYPE_TEXT[span.type])}
        />
        <div className="min-w-0 flex-1 space-y-1">
          <h2 className="truncate text-sm font-semibold" title={span.label}>
            {span.label}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <DurableStatusBadge status={open ? "STARTED" : span.status} label={statusText(span)} />
            <span className="text-muted-foreground text-xs">{kindLabel(span.type, span.subType)}</span>
          </div>
        </div>
        <Button variant="ghost" size="icon-sm" aria-label="Close details" onClick={onClose} title="Close (Esc)">
          <XIcon aria-hidden />
        </Button>
      </div>

      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-4 py-3">
        {span.type === "CALLBACK" && open && callbackId ? (
          <CallbackActions
            executionArn={executionArn}
            callbackId={callbackId}
            label={parent?.subType === "WaitForCallback" ? parent.label : span.label}
          />
        ) : null}

        <dl className="divide-y">
          <Fact label="Type">
            <span className="font-mono text-[0.8125rem]">
              {span.type}
              {span.subType ? <span className="text-muted-foreground"> / {span.subType}</span> : null}
            </span>
          </Fact>
          <Fact label="Started">
            <When at={span.start} origin={origin} />
          </Fact>
          <Fact label={open ? "Running for" : "Ended"}>
            {open ? (
              <span className="tabular">{formatDuration(now - span.start)}</span>
            ) : (
              <When at={span.end} origin={origin} />
            )}
          </Fact>
          {!open ? (
            <Fact label="Duration">
              <span className="tabular">{formatDuration((span.end ?? now) - span.start)}</span>
            </Fact>
          ) : null}
          {span.attempts.length > 0 ? (
            <Fact label="Attempts">
              <span className="tabular">{span.attempts.length}</span>
              {span.nextAttemptAt !== undefined && open ? (
                <span className="text-muted-foreground">
                  {" "}
                  · next at <span className="tabular">{formatClock(span.nextAttemptAt)}</span>
                </span>
              ) : null}
            </Fact>
          ) : null}
          {span.type === "WAIT" ? (
            <Fact label="Wait">
              <span className="tabular">
                {span.waitSeconds !== undefined ? formatDuration(span.waitSeconds * 1000) : "—"}
                {span.scheduledEnd !== undefined ? (
                  <span className="text-muted-foreground"> · until {formatClock(span.scheduledEnd)}</span>
                ) : null}
              </span>
            </Fact>
          ) : null}
          {callbackId ? (
            <Fact label="Callback ID">
              <span className="flex min-w-0 items-center gap-0.5">
                <code className="min-w-0 truncate font-mono text-xs" title={callbackId}>
                  {callbackId}
                </code>
                <CopyButton value={callbackId} label="callback ID" className="size-6" />
              </span>
            </Fact>
          ) : null}
          {span.callback?.timeoutSeconds || span.callback?.heartbeatTimeoutSeconds ? (
            <Fact label="Timeouts">
              <span className="tabular">
                {span.callback.timeoutSeconds ? `${formatDuration(span.callback.timeoutSeconds * 1000)} overall` : ""}
                {span.callback.timeoutSeconds && span.callback.heartbeatTimeoutSeconds ? " · " : ""}
                {span.callback.heartbeatTimeoutSeconds
                  ? `${formatDuration(span.callback.heartbeatTimeoutSeconds * 1000)} between heartbeats`
                  : ""}
              </span>
            </Fact>
          ) : null}
          {span.chainedInvoke ? (
            <Fact label="Invoked">
              <span className="font-mono text-[0.8125rem] break-all">{span.chainedInvoke.functionName ?? "—"}</span>
              {child && childKey ? (
                <Link
                  href={routes.durableExecution(child.functionName, childKey)}
                  className="text-primary mt-0.5 block text-xs underline-offset-4 hover:underline"
                >
                  Open its execution ({child.name})
                </Link>
              ) : null}
            </Fact>
          ) : null}
          {ranIn ? (
            <Fact label="Invocation">
              <InvocationRef invocation={ranIn} functionName={functionName} records={records} />
            </Fact>
          ) : null}
          <Fact label="Operation ID">
            <span className="flex min-w-0 items-center gap-0.5">
              <code className="min-w-0 truncate font-mono text-xs">{span.id}</code>
              <CopyButton value={span.id} label="operation ID" className="size-6" />
            </span>
          </Fact>
          {parent ? (
            <Fact label="Parent">
              <button
                type="button"
                onClick={() => onSelect(parent.id)}
                className="text-primary inline-flex max-w-full items-center gap-0.5 truncate text-left underline-offset-4 hover:underline"
              >
                {parent.label}
                <ChevronRightIcon className="size-3 shrink-0" aria-hidden />
              </button>
            </Fact>
          ) : null}
        </dl>

        {span.attempts.length > 1 ? (
          <Attempts span={span} now={now} model={model} functionName={functionName} records={records} />
        ) : null}

        {span.input?.Payload ? (
          <PayloadPane
            title="Input"
            text={span.input.Payload}
            {...(span.input.Truncated ? { truncated: true } : {})}
            maxHeight="max-h-48"
          />
        ) : null}
        {span.result?.Payload !== undefined || (!open && span.status === "SUCCEEDED") ? (
          <PayloadPane
            title="Result"
            text={span.result?.Payload}
            {...(span.result?.Truncated ? { truncated: true } : {})}
            empty="No result (undefined)"
            maxHeight="max-h-48"
          />
        ) : null}
        {span.error?.Payload ? (
          <PayloadPane
            title="Error"
            text={errorJson(span.error.Payload)}
            {...(span.error.Truncated ? { truncated: true } : {})}
            tone="danger"
            maxHeight="max-h-48"
          />
        ) : null}

        <OperationEvents events={span.events} origin={origin} />
      </div>
    </aside>
  );
}

const ATTEMPT_OUTCOME: Record<Attempt["outcome"] | "checked", string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  retried: "Failed, retried",
  checked: "Not done, checked again",
  interrupted: "Interrupted",
};

/** "#2 · ran 25 ms", linking to the invocation's record (and its log) where the endpoint keeps records. */
function InvocationRef({
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

function Attempts({
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

function OperationEvents({ events, origin }: { events: DurableHistoryEvent[]; origin: number | undefined }) {
  return (
    <section aria-label="History events" className="space-y-1.5">
      <h3 className="text-sm font-semibold">
        History events <span className="text-muted-foreground font-normal">({events.length})</span>
      </h3>
      <ul className="divide-y rounded-md border">
        {events.map((event, i) => {
          const at = parseTime(event.EventTimestamp);
          return (
            <li key={event.EventId ?? i}>
              <details className="group">
                <summary className="hover:bg-muted/50 flex cursor-pointer list-none items-center gap-2 px-3 py-1.5 text-[0.8125rem] [&::-webkit-details-marker]:hidden">
                  <ChevronRightIcon
                    className="text-muted-foreground size-3.5 shrink-0 transition-transform group-open:rotate-90"
                    aria-hidden
                  />
                  <span className="text-muted-foreground tabular w-7 text-xs">{event.EventId ?? ""}</span>
                  <span className="font-medium">{event.EventType}</span>
                  <span className="text-muted-foreground tabular ml-auto text-xs">
                    {at !== undefined && origin !== undefined ? `+${formatDuration(at - origin)}` : ""}
                  </span>
                </summary>
                <JsonView
                  text={JSON.stringify(event)}
                  label={`Event ${event.EventId ?? i + 1} JSON`}
                  className="m-2 mt-0 max-h-64 text-xs"
                />
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The three answers to a waiting callback, right where the callback is shown. */
function CallbackActions({
  executionArn,
  callbackId,
  label,
}: {
  executionArn: string;
  callbackId: string;
  label: string;
}) {
  const dialogs = useDialogState<"success" | "failure">();
  const heartbeat = useSendCallbackHeartbeat();
  const [lastBeat, setLastBeat] = useState<number | undefined>();

  async function beat() {
    const out = await heartbeat.mutateAsync({ executionArn, callbackId });
    if (out.ok) {
      setLastBeat(Date.now());
      toast.success("Heartbeat sent", { description: "The callback's heartbeat timeout starts over." });
    } else toast.error(out.error.message);
  }

  return (
    <section
      aria-label="Answer the callback"
      className="border-lane-callback/40 bg-lane-callback/8 space-y-2.5 rounded-lg border px-3 py-3"
    >
      <p className="text-sm">
        <span className="font-medium">Waiting for an answer.</span>{" "}
        <span className="text-muted-foreground">Send one as an external system would; the execution resumes.</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => dialogs.open("success")}>
          <SendIcon aria-hidden /> Send success
        </Button>
        <Button size="sm" variant="outline" onClick={() => dialogs.open("failure")}>
          <OctagonXIcon aria-hidden /> Send failure
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void beat()} disabled={heartbeat.isPending}>
          {heartbeat.isPending ? (
            <LoaderCircleIcon className="animate-spin" aria-hidden />
          ) : (
            <HeartPulseIcon aria-hidden />
          )}
          Heartbeat
        </Button>
      </div>
      {lastBeat ? (
        <p className="text-muted-foreground text-xs" aria-live="polite">
          Last heartbeat at <span className="tabular">{formatClock(lastBeat)}</span>
        </p>
      ) : null}
      <SendCallbackSuccessDialog
        key={`success-${dialogs.key}`}
        open={dialogs.dialog === "success"}
        onOpenChange={dialogs.onOpenChange}
        executionArn={executionArn}
        callbackId={callbackId}
        label={label}
      />
      <SendCallbackFailureDialog
        key={`failure-${dialogs.key}`}
        open={dialogs.dialog === "failure"}
        onOpenChange={dialogs.onOpenChange}
        executionArn={executionArn}
        callbackId={callbackId}
        label={label}
      />
    </section>
  );
}
