"use client";

import { ChevronRightIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { barOf } from "./bar-segments";
import { formatDuration } from "./duration-format";
import { OperationIcon, TYPE_TEXT } from "./operation-icon";
import { rowDescription } from "./operation-text";
import { SpanBar, type HoverHandler } from "./timeline-bar";
import type { TimelineRow } from "./timeline-rows";
import type { TimeScale } from "./time-scale";

export const ROW_HEIGHT = 28;
const INDENT_PX = 14;

export const rowDomId = (id: string) => `timeline-op-${id}`;

/** One operation's row: its name in the tree (indented, foldable) and its bar on the shared axis. */
export function TimelineRowView({
  row,
  top,
  selected,
  scale,
  now,
  onHover,
  onClick,
  onToggle,
}: {
  row: TimelineRow;
  top: number;
  selected: boolean;
  scale: TimeScale;
  now: number;
  onHover: HoverHandler;
  onClick: () => void;
  onToggle: () => void;
}) {
  const { span, depth } = row;
  const bar = barOf(span, now);
  const hasChildren = span.children.length > 0;
  const failed = span.status === "FAILED" || span.status === "TIMED_OUT";
  return (
    <div
      id={rowDomId(span.id)}
      role="treeitem"
      aria-level={depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-selected={selected}
      aria-expanded={hasChildren ? row.expanded : undefined}
      aria-label={rowDescription(span, now)}
      onClick={onClick}
      className={cn(
        "absolute inset-x-0 grid cursor-pointer grid-cols-[var(--label-w)_minmax(0,1fr)] text-[0.8125rem]",
        selected ? "bg-accent/80 dark:bg-accent/60" : "hover:bg-muted/60",
      )}
      style={{ top, height: ROW_HEIGHT }}
    >
      <div className="flex min-w-0 items-center gap-1.5 pr-2" style={{ paddingLeft: 8 + depth * INDENT_PX }}>
        {hasChildren ? (
          <span
            aria-hidden
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
            className="text-muted-foreground hover:text-foreground hover:bg-muted -ml-0.5 flex size-4 shrink-0 items-center justify-center rounded-sm"
          >
            <ChevronRightIcon className={cn("size-3.5 transition-transform", row.expanded && "rotate-90")} />
          </span>
        ) : (
          <span className="w-3.5 shrink-0" aria-hidden />
        )}
        <OperationIcon
          type={span.type}
          subType={span.subType}
          className={cn("size-3.5 shrink-0", failed ? "text-destructive" : TYPE_TEXT[span.type])}
        />
        <span className={cn("min-w-0 truncate", !span.name && "text-muted-foreground")} title={span.label}>
          {span.label}
        </span>
        {span.attempts.length > 1 ? (
          <span
            className="text-muted-foreground bg-muted shrink-0 rounded px-1 text-[0.6875rem] leading-4 tabular-nums"
            title={`${span.attempts.length} attempts`}
          >
            ×{span.attempts.length}
          </span>
        ) : null}
        <span className="text-muted-foreground tabular ml-auto shrink-0 pl-1 text-xs">
          {formatDuration((span.end ?? now) - span.start)}
        </span>
      </div>
      <div className="relative mr-4 ml-2">
        <SpanBar span={span} bar={bar} scale={scale} now={now} onHover={onHover} />
      </div>
    </div>
  );
}
