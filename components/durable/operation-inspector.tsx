"use client";

import Link from "next/link";
import { ChevronRightIcon, XIcon } from "lucide-react";
import { CopyableCode } from "@/components/common/copyable-code";
import { hasInvocationPages, useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { executionKey, parseDurableExecutionArn } from "@/lib/durable-arn";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { CallbackActions } from "./callback-actions";
import { formatClock, formatDuration } from "./duration-format";
import { invocationAt, kindLabel, type ExecutionModel, type OperationSpan } from "./history-model";
import { Attempts, InvocationRef } from "./operation-attempts";
import { OperationEvents } from "./operation-events";
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
  const records = hasInvocationPages(useConnection());

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
              <CopyableCode value={callbackId} label="callback ID" className="text-xs" />
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
            <CopyableCode value={span.id} label="operation ID" className="text-xs" />
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
