"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  ChevronRightIcon,
  ChevronsDownUpIcon,
  ChevronsUpDownIcon,
  FoldHorizontalIcon,
  UnfoldHorizontalIcon,
} from "lucide-react";
import { hasInvocationRecords, useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { barOf, invocationLane } from "./bar-segments";
import { formatDuration } from "./duration-format";
import type { ExecutionModel } from "./history-model";
import { OperationIcon, TYPE_TEXT } from "./operation-icon";
import { rowDescription } from "./operation-text";
import type { HoverText } from "./segment-text";
import { LaneBar, SpanBar, type HoverHandler } from "./timeline-bar";
import { TimelineLegend } from "./timeline-legend";
import { ancestorsOf, FOLD_CHILDREN_OVER, treeMove, visibleRows, type TreeKey } from "./timeline-rows";
import {
  createCompressedScale,
  createTimeScale,
  executionDomain,
  foldingHelps,
  idleGaps,
  type AxisBreak,
  type TimeScale,
} from "./time-scale";

const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 28;
const LANE_HEIGHT = 32;
const HEADER_HEIGHT = AXIS_HEIGHT + LANE_HEIGHT;
/** Room each tick label needs, so labels never collide. */
const PX_PER_TICK = 84;
const INDENT_PX = 14;

const TREE_KEYS = new Set<string>(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"]);

export const rowDomId = (id: string) => `timeline-op-${id}`;

/** The track's width in pixels, to decide how many ticks fit. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The execution as a timeline: one row per operation, nested by parent (contexts fold), bars on one time
 * axis with the invocations lane on top and a "now" line while it runs. A WAI-ARIA tree: arrow keys move
 * the selection, Right/Left unfold and fold, Enter opens the inspector, Escape closes it.
 */
export function Timeline({
  model,
  functionName,
  now,
  selectedId,
  onSelect,
  inspectorOpen,
  onOpenInspector,
  onCloseInspector,
}: {
  model: ExecutionModel;
  functionName: string;
  now: number;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  inspectorOpen: boolean;
  onOpenInspector: (id: string) => void;
  onCloseInspector: () => void;
}) {
  const running = model.end === undefined;
  const records = hasInvocationRecords(useConnection());
  // Idle time (the execution suspended between invocations) can be folded so the work stays readable.
  // A finished execution is, by default, when idle time takes most of the axis; a running one is drawn
  // to scale, where "now", the live bars and what is still scheduled read as they are.
  const [foldChoice, setFoldChoice] = useState<boolean | undefined>();
  const { scale, canFold, folded } = useMemo(() => {
    const domain = executionDomain({
      start: model.start ?? now,
      ...(model.end !== undefined ? { end: model.end } : {}),
      now,
      scheduled: model.scheduled,
    });
    const busy = model.invocations.map((i) => ({ from: i.start, to: i.end ?? now }));
    const possible = idleGaps(domain.start, domain.end, busy).length > 0;
    const on = possible && (foldChoice ?? (model.end !== undefined && foldingHelps(domain.start, domain.end, busy)));
    return {
      scale: on
        ? createCompressedScale(domain.start, domain.end, busy)
        : { ...createTimeScale(domain.start, domain.end), breaks: [] },
      canFold: possible,
      folded: on,
    };
  }, [model.start, model.end, model.scheduled, model.invocations, now, foldChoice]);

  // Fold state: the user's choices over the defaults (big fan-outs start folded). The path to the
  // selected row always stays open, so a selection made elsewhere (the Events view) is visible.
  const [toggles, setToggles] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const collapsed = useMemo(() => {
    const out = new Set<string>();
    for (const span of model.byId.values()) {
      if (span.children.length === 0) continue;
      if (toggles.get(span.id) ?? span.children.length > FOLD_CHILDREN_OVER) out.add(span.id);
    }
    if (selectedId) ancestorsOf(model.byId, selectedId).forEach((id) => out.delete(id));
    return out;
  }, [model.byId, toggles, selectedId]);
  const rows = useMemo(() => visibleRows(model.roots, collapsed), [model.roots, collapsed]);
  const lane = useMemo(() => invocationLane(model.invocations, model.end, now), [model.invocations, model.end, now]);

  const setFold = useCallback(
    (id: string, expand: boolean) => {
      setToggles((t) => new Map(t).set(id, !expand));
      // Folding a context hides a selected descendant: the selection moves up to the context.
      if (!expand && selectedId && ancestorsOf(model.byId, selectedId).includes(id)) onSelect(id);
    },
    [model.byId, onSelect, selectedId],
  );
  const foldAll = (expand: boolean) => {
    const next = new Map<string, boolean>();
    for (const span of model.byId.values()) if (span.children.length > 0) next.set(span.id, !expand);
    setToggles(next);
    if (!expand && selectedId) {
      const top = ancestorsOf(model.byId, selectedId)[0];
      if (top) onSelect(top);
    }
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const trackWidth = useWidth(trackRef);
  const nowX = running ? scale.x(now) : undefined;
  const ticks = scale.ticks(Math.max(2, Math.floor(trackWidth / PX_PER_TICK)));
  // The "now" badge and the fold marks sit on the axis; a tick label under one would be unreadable.
  const labelled = ticks.filter(
    (t) =>
      (nowX === undefined || Math.abs(t.x - nowX) * trackWidth > 40) &&
      scale.breaks.every((b) => Math.abs(t.x - (b.x0 + b.x1) / 2) * trackWidth > 44),
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual hands back new functions each render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const selectedIndex = rows.findIndex((r) => r.span.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const [hover, setHover] = useState<{ text: HoverText; x: number; y: number } | undefined>();
  const onHover: HoverHandler = useCallback((h) => setHover(h), []);

  function onKeyDown(e: React.KeyboardEvent) {
    if (TREE_KEYS.has(e.key)) {
      e.preventDefault();
      const move = treeMove(rows, selectedId, e.key as TreeKey);
      if (move.toggle) setFold(move.toggle.id, move.toggle.expand);
      if (move.selected && move.selected !== selectedId) onSelect(move.selected);
    } else if ((e.key === "Enter" || e.key === " ") && selectedId) {
      e.preventDefault();
      onOpenInspector(selectedId);
    } else if (e.key === "Escape" && inspectorOpen) {
      e.preventDefault();
      onCloseInspector();
    }
  }

  // A fold that holds "now" gets no label: the now badge says more there.
  const breakLabels = scale.breaks.filter(
    (b) => nowX === undefined || Math.abs((b.x0 + b.x1) / 2 - nowX) * trackWidth > 48,
  );
  const hasFolds = [...model.byId.values()].some((s) => s.children.length > 0);

  return (
    <section aria-labelledby="timeline-heading" className="bg-card min-w-0 rounded-lg border">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b px-4 py-2">
        <h2 id="timeline-heading" className="text-sm font-semibold">
          Timeline{" "}
          <span className="text-muted-foreground font-normal">
            · {model.byId.size} {model.byId.size === 1 ? "operation" : "operations"} over{" "}
            {formatDuration((model.end ?? now) - (model.start ?? now))}
          </span>
        </h2>
        <div className="flex items-center gap-1">
          {canFold ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-muted-foreground"
              aria-pressed={folded}
              onClick={() => setFoldChoice(!folded)}
              title={folded ? "Draw idle time to scale" : "Fold the idle time between invocations"}
            >
              {folded ? <UnfoldHorizontalIcon aria-hidden /> : <FoldHorizontalIcon aria-hidden />}
              Fold idle time
            </Button>
          ) : null}
          <TimelineLegend />
          {hasFolds ? (
            <>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label="Expand all"
                title="Expand all"
                onClick={() => foldAll(true)}
              >
                <ChevronsUpDownIcon aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label="Collapse all"
                title="Collapse all"
                onClick={() => foldAll(false)}
              >
                <ChevronsDownUpIcon aria-hidden />
              </Button>
            </>
          ) : null}
        </div>
      </div>

      <div
        ref={scrollRef}
        className="relative max-h-[min(68vh,46rem)] overflow-auto overscroll-contain"
        style={{ "--label-w": "clamp(14.5rem, 30%, 21rem)" } as React.CSSProperties}
      >
        {/* Axis and invocations lane stay in view while the rows scroll. */}
        <div className="bg-card sticky top-0 z-20 border-b">
          <div className="grid grid-cols-[var(--label-w)_minmax(0,1fr)]" style={{ height: AXIS_HEIGHT }}>
            <div className="text-muted-foreground flex items-center px-3 text-xs">Operation</div>
            <div ref={trackRef} className="relative mr-4 ml-2">
              {labelled.map((tick) => (
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
              {breakLabels.map((b) => (
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
          <div
            className="grid grid-cols-[var(--label-w)_minmax(0,1fr)] border-t border-dashed"
            style={{ height: LANE_HEIGHT }}
            aria-label={`Invocations: ${model.invocations.length}`}
            role="group"
          >
            <div className="flex min-w-0 items-center gap-2 px-3 text-xs">
              <span className="bg-lane-run size-2 shrink-0 rounded-full" aria-hidden />
              <span className="truncate font-medium">Invocations</span>
              <span className="text-muted-foreground tabular ml-auto">{model.invocations.length}</span>
            </div>
            <div className="relative mr-4 ml-2">
              {lane.length > 0 ? (
                <LaneBar
                  segments={lane}
                  scale={scale}
                  onHover={onHover}
                  {...(records ? { recordHref: (id: string) => routes.invocation(functionName, id) } : {})}
                />
              ) : (
                <span className="text-muted-foreground absolute inset-y-0 left-0 flex items-center text-xs">
                  {running ? "Starting…" : "No invocations recorded"}
                </span>
              )}
            </div>
          </div>
        </div>

        <div className="relative" style={{ height: Math.max(virtualizer.getTotalSize(), ROW_HEIGHT * 2) }}>
          <Gridlines ticks={ticks.map((t) => t.x)} nowX={nowX} breaks={scale.breaks} />
          {rows.length === 0 ? (
            <p className="text-muted-foreground absolute inset-x-0 top-0 px-3 py-2 text-sm">
              {running
                ? "No operations yet: they appear here as the function checkpoints them."
                : "This execution recorded no operations."}
            </p>
          ) : null}
          <div
            role="tree"
            aria-label="Operations"
            aria-activedescendant={selectedId && selectedIndex >= 0 ? rowDomId(selectedId) : undefined}
            tabIndex={rows.length > 0 ? 0 : -1}
            onKeyDown={onKeyDown}
            onFocus={() => {
              if (!selectedId && rows[0]) onSelect(rows[0].span.id);
            }}
            className="focus-visible:ring-ring/50 absolute inset-0 outline-none focus-visible:ring-[3px] focus-visible:ring-inset"
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <TimelineRowView
                  key={row.span.id}
                  row={row}
                  top={item.start - HEADER_HEIGHT}
                  selected={row.span.id === selectedId}
                  scale={scale}
                  now={now}
                  onHover={onHover}
                  onClick={() => {
                    onSelect(row.span.id);
                    onOpenInspector(row.span.id);
                  }}
                  onToggle={() => setFold(row.span.id, !row.expanded)}
                />
              );
            })}
          </div>
        </div>
      </div>

      {hover ? <HoverCard {...hover} /> : null}
    </section>
  );
}

function Gridlines({ ticks, nowX, breaks }: { ticks: number[]; nowX: number | undefined; breaks: AxisBreak[] }) {
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

function TimelineRowView({
  row,
  top,
  selected,
  scale,
  now,
  onHover,
  onClick,
  onToggle,
}: {
  row: ReturnType<typeof visibleRows>[number];
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

/** One floating card for the whole timeline, following the pointer (a tooltip per bar would be hundreds). */
function HoverCard({ text, x, y }: { text: HoverText; x: number; y: number }) {
  const flip = typeof window !== "undefined" && x > window.innerWidth - 320;
  return (
    <div
      role="tooltip"
      className="bg-foreground text-background pointer-events-none fixed z-50 max-w-80 rounded-md px-3 py-2 text-xs shadow-md"
      style={{ top: y + 14, left: flip ? undefined : x + 12, right: flip ? window.innerWidth - x + 12 : undefined }}
    >
      <p className="font-semibold break-words">{text.title}</p>
      {text.lines.map((line, i) => (
        <p key={i} className={cn("break-words", i === 0 ? "mt-0.5" : "opacity-75")}>
          {line}
        </p>
      ))}
    </div>
  );
}
