"use client";

import { RotateCwIcon, SquareIcon, WebhookIcon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { Button } from "@/components/ui/button";
import type { DurableExecutionDetail } from "@/lib/durable-types";
import { DurableStatusBadge } from "./status-badge";

/** One figure of the execution's summary strip. */
export function Metric({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="tabular mt-0.5 truncate text-sm font-medium">{children}</dd>
    </div>
  );
}

/** The execution waits on someone: say so above the timeline, with the way to answer one click away. */
export function WaitingCallbacks({
  callbacks,
  onAnswer,
}: {
  callbacks: { id: string; label: string }[];
  onAnswer: (id: string) => void;
}) {
  return (
    <div
      role="status"
      className="border-lane-callback/40 bg-lane-callback/8 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border px-4 py-2.5 text-sm"
    >
      <WebhookIcon className="text-lane-callback size-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1">
        <span className="font-medium">
          Waiting for {callbacks.length === 1 ? "a callback" : `${callbacks.length} callbacks`}
        </span>
        <span className="text-muted-foreground"> — the execution resumes when an answer arrives.</span>
      </span>
      <span className="flex flex-wrap gap-2">
        {callbacks.slice(0, 3).map((cb) => (
          <Button key={cb.id} size="sm" variant="outline" onClick={() => onAnswer(cb.id)}>
            Answer {cb.label}
          </Button>
        ))}
      </span>
    </div>
  );
}

/** The execution's name, status and ARN, with what can be done to it. */
export function ExecutionHeader({
  execution,
  running,
  onStop,
  onRerun,
  refresh,
}: {
  execution: DurableExecutionDetail;
  running: boolean;
  onStop: () => void;
  onRerun: () => void;
  refresh: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 lg:flex-nowrap">
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2.5">
          <h2 className="font-mono text-lg font-semibold tracking-tight">{execution.DurableExecutionName}</h2>
          <DurableStatusBadge status={execution.Status} />
        </div>
        <Arn value={execution.DurableExecutionArn} label="execution ARN" className="text-muted-foreground" />
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {refresh}
        <Button variant="outline" size="sm" onClick={onRerun}>
          <RotateCwIcon aria-hidden /> Run again
        </Button>
        {running ? (
          <Button variant="destructive" size="sm" onClick={onStop}>
            <SquareIcon aria-hidden /> Stop execution
          </Button>
        ) : null}
      </div>
    </div>
  );
}
