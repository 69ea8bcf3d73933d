"use client";

import Link from "next/link";
import { cn } from "@/lib/utils";
import type { Bar, BarMarker, BarSegment, LaneSegment } from "./bar-segments";
import type { OperationSpan, OperationType } from "./history-model";
import type { HoverText } from "./segment-text";
import { laneText, markerText, segmentText } from "./segment-text";
import type { TimeScale } from "./time-scale";

/** Hover reports where the pointer is and what to say; the timeline draws one shared card. */
export type HoverHandler = (hover: { text: HoverText; x: number; y: number } | undefined) => void;

const SOLID: Record<OperationType, string> = {
  STEP: "bg-lane-step",
  WAIT: "bg-lane-wait",
  CALLBACK: "bg-lane-callback",
  CONTEXT: "bg-lane-context/55",
  CHAINED_INVOKE: "bg-lane-invoke",
};

/** Fill and shape of one segment: the type's hue, unless the status says otherwise. */
function segmentClass(type: OperationType, segment: BarSegment): string {
  const { kind, tone } = segment;
  if (kind === "retry-delay") return "top-1/2 h-0 -translate-y-1/2 border-t border-dashed border-muted-foreground/70";
  if (kind === "scheduled") return "h-2.5 rounded-[3px] border border-dashed border-muted-foreground/45";
  if (kind === "wait") {
    return cn(
      "h-2.5 rounded-[3px] border bar-hatch",
      tone === "neutral"
        ? "text-muted-foreground/60 border-muted-foreground/40"
        : "text-lane-wait border-lane-wait/70 bg-lane-wait/10",
    );
  }
  if (kind === "context") {
    return cn(
      "h-1.5 rounded-full",
      tone === "failed" ? "bg-destructive/60" : tone === "warning" ? "bg-warning/60" : SOLID.CONTEXT,
      segment.live && "opacity-70",
    );
  }
  if (kind === "callback" && tone === "running") {
    // A callback that waits is time passing, not work: hatched in its hue, like a wait.
    return "h-2.5 rounded-[3px] border border-lane-callback/80 bg-lane-callback/15 text-lane-callback bar-hatch";
  }
  const fill =
    tone === "failed"
      ? "bg-destructive"
      : tone === "warning"
        ? "bg-warning"
        : tone === "neutral"
          ? "bg-muted-foreground/45"
          : SOLID[type];
  return cn("h-2.5 rounded-[3px]", fill, segment.live && "bar-live");
}

function place(scale: TimeScale, from: number, to: number, min = 3): React.CSSProperties {
  return { left: `${scale.x(from) * 100}%`, width: `max(${scale.width(from, to) * 100}%, ${min}px)` };
}

function hoverAt(onHover: HoverHandler, text: HoverText) {
  return {
    onPointerMove: (e: React.PointerEvent) => onHover({ text, x: e.clientX, y: e.clientY }),
    onPointerLeave: () => onHover(undefined),
  };
}

export function SpanBar({
  span,
  bar,
  scale,
  now,
  onHover,
}: {
  span: OperationSpan;
  bar: Bar;
  scale: TimeScale;
  now: number;
  onHover: HoverHandler;
}) {
  return (
    <>
      {bar.segments.map((segment, i) => (
        <div
          key={i}
          className={cn("absolute top-1/2 -translate-y-1/2", segmentClass(span.type, segment))}
          style={place(scale, segment.from, segment.to, segment.kind === "retry-delay" ? 1 : 3)}
          {...hoverAt(onHover, segmentText(span, segment, now))}
        />
      ))}
      {bar.markers.map((marker, i) =>
        marker.at <= scale.end ? <Marker key={i} marker={marker} span={span} scale={scale} onHover={onHover} /> : null,
      )}
    </>
  );
}

function Marker({
  marker,
  span,
  scale,
  onHover,
}: {
  marker: BarMarker;
  span: OperationSpan;
  scale: TimeScale;
  onHover: HoverHandler;
}) {
  const shape =
    marker.kind === "retry"
      ? "size-2 rounded-full bg-destructive ring-2 ring-card"
      : marker.kind === "due"
        ? "size-2 rotate-45 rounded-[1px] border border-muted-foreground/80 bg-card"
        : "h-3.5 w-0 border-l-2 border-dashed border-destructive/70";
  return (
    <div
      className={cn("absolute top-1/2 -translate-x-1/2 -translate-y-1/2", shape)}
      style={{ left: `${scale.x(marker.at) * 100}%` }}
      {...hoverAt(onHover, markerText(span, marker))}
    />
  );
}

/**
 * The invocations lane: when the function ran (solid), and the suspended stretches between (hatched).
 * Where the endpoint keeps invocation records, each run is a link to its record and log.
 */
export function LaneBar({
  segments,
  scale,
  onHover,
  recordHref,
}: {
  segments: readonly LaneSegment[];
  scale: TimeScale;
  onHover: HoverHandler;
  recordHref?: (requestId: string) => string;
}) {
  return (
    <>
      {segments.map((segment, i) => {
        const className = cn(
          "absolute top-1/2 -translate-y-1/2 rounded-[3px]",
          segment.kind === "suspended"
            ? "bar-hatch text-muted-foreground/35 h-1.5"
            : segment.invocation?.error
              ? "bg-destructive h-2.5"
              : cn("bg-lane-run h-2.5", segment.live && "bar-live"),
        );
        const style = place(scale, segment.from, segment.to, segment.kind === "suspended" ? 1 : 3);
        const text = laneText(segment);
        const requestId = segment.kind === "ran" ? segment.invocation?.requestId : undefined;
        if (requestId && recordHref) {
          return (
            <Link
              key={i}
              href={recordHref(requestId)}
              aria-label={`${text.title}, ${text.lines[0] ?? ""}: open its record and log`}
              className={cn(
                className,
                "focus-visible:ring-ring/60 hover:ring-lane-run/40 outline-none hover:ring-2 focus-visible:ring-[3px]",
              )}
              style={style}
              {...hoverAt(onHover, { ...text, lines: [...text.lines, "Click to open its record and log"] })}
            />
          );
        }
        return <div key={i} className={className} style={style} {...hoverAt(onHover, text)} />;
      })}
    </>
  );
}
