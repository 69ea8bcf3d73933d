"use client";

import { cn } from "@/lib/utils";
import type { LaneSegment } from "./bar-segments";
import { formatDuration } from "./duration-format";
import { LaneBar, type HoverHandler } from "./timeline-bar";
import type { AxisBreak, Tick, TimeScale } from "./time-scale";

export const AXIS_HEIGHT = 28;
export const LANE_HEIGHT = 32;

/** The time axis: tick labels, the folds of idle time, and the "now" badge while the execution runs. */
export function TimelineAxis({
  trackRef,
  ticks,
  breaks,
  nowX,
}: {
  trackRef: React.RefObject<HTMLDivElement | null>;
  ticks: Tick[];
  breaks: AxisBreak[];
  nowX: number | undefined;
}) {
  return (
    <div className="grid grid-cols-[var(--label-w)_minmax(0,1fr)]" style={{ height: AXIS_HEIGHT }}>
      <div className="text-muted-foreground flex items-center px-3 text-xs">Operation</div>
      <div ref={trackRef} className="relative mr-4 ml-2">
        {ticks.map((tick) => (
          <span
            key={tick.at}
            className={cn(
              "text-muted-foreground tabular absolute top-1/2 -translate-y-1/2 text-[0.6875rem] whitespace-nowrap",
              tick.x === 0 ? "" : tick.x >= 0.98 ? "-translate-x-full" : "-translate-x-1/2",
            )}
            style={{ left: `${tick.x * 100}%` }}
          >
            {tick.label}
          </span>
        ))}
        {breaks.map((b) => (
          <span
            key={b.from}
            className="text-muted-foreground bg-card tabular absolute top-1/2 z-10 -translate-x-1/2 -translate-y-1/2 rounded border border-dashed px-1 text-[0.625rem] leading-4 whitespace-nowrap"
            style={{ left: `${((b.x0 + b.x1) / 2) * 100}%` }}
            title={`${formatDuration(b.to - b.from)} of idle time, folded`}
          >
            ⋯ {formatDuration(b.to - b.from)}
          </span>
        ))}
        {nowX !== undefined ? (
          <span
            className="bg-primary text-primary-foreground absolute top-1/2 z-10 -translate-x-1/2 -translate-y-1/2 rounded px-1 text-[0.625rem] leading-4 font-medium"
            style={{ left: `${nowX * 100}%` }}
          >
            now
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** The invocations lane under the axis: when the function ran, and was suspended, over the execution. */
export function InvocationsLane({
  count,
  segments,
  scale,
  running,
  onHover,
  recordHref,
}: {
  count: number;
  segments: readonly LaneSegment[];
  scale: TimeScale;
  running: boolean;
  onHover: HoverHandler;
  recordHref?: (requestId: string) => string;
}) {
  return (
    <div
      className="grid grid-cols-[var(--label-w)_minmax(0,1fr)] border-t border-dashed"
      style={{ height: LANE_HEIGHT }}
      aria-label={`Invocations: ${count}`}
      role="group"
    >
      <div className="flex min-w-0 items-center gap-2 px-3 text-xs">
        <span className="bg-lane-run size-2 shrink-0 rounded-full" aria-hidden />
        <span className="truncate font-medium">Invocations</span>
        <span className="text-muted-foreground tabular ml-auto">{count}</span>
      </div>
      <div className="relative mr-4 ml-2">
        {segments.length > 0 ? (
          <LaneBar segments={segments} scale={scale} onHover={onHover} {...(recordHref ? { recordHref } : {})} />
        ) : (
          <span className="text-muted-foreground absolute inset-y-0 left-0 flex items-center text-xs">
            {running ? "Starting…" : "No invocations recorded"}
          </span>
        )}
      </div>
    </div>
  );
}

/** Behind the rows: a line per tick, a band per fold, and the "now" line. */
export function Gridlines({ ticks, nowX, breaks }: { ticks: number[]; nowX: number | undefined; breaks: AxisBreak[] }) {
  return (
    <div className="pointer-events-none absolute inset-y-0 right-4 left-[calc(var(--label-w)+0.5rem)]" aria-hidden>
      {breaks.map((b) => (
        <div
          key={b.from}
          className="bg-muted/60 border-muted-foreground/25 absolute inset-y-0 border-x border-dashed"
          style={{ left: `${b.x0 * 100}%`, width: `${(b.x1 - b.x0) * 100}%` }}
        />
      ))}
      {ticks.map((x) => (
        <div key={x} className="border-border/70 absolute inset-y-0 border-l" style={{ left: `${x * 100}%` }} />
      ))}
      {nowX !== undefined ? (
        <div className="bg-primary/70 absolute inset-y-0 z-10 w-px" style={{ left: `${nowX * 100}%` }} />
      ) : null}
    </div>
  );
}
