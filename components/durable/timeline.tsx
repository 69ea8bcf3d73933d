"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronsDownUpIcon, ChevronsUpDownIcon, FoldHorizontalIcon, UnfoldHorizontalIcon } from "lucide-react";
import { hasInvocationPages, useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";
import { invocationLane } from "./bar-segments";
import { formatDuration } from "./duration-format";
import type { ExecutionModel } from "./history-model";
import { HoverCard } from "./hover-card";
import type { HoverText } from "./segment-text";
import { AXIS_HEIGHT, Gridlines, InvocationsLane, LANE_HEIGHT, TimelineAxis } from "./timeline-axis";
import type { HoverHandler } from "./timeline-bar";
import { TimelineLegend } from "./timeline-legend";
import { ROW_HEIGHT, rowDomId, TimelineRowView } from "./timeline-row";
import { ancestorsOf, FOLD_CHILDREN_OVER, treeMove, visibleRows, type TreeKey } from "./timeline-rows";
import { createCompressedScale, createTimeScale, executionDomain, foldingHelps, idleGaps } from "./time-scale";

const HEADER_HEIGHT = AXIS_HEIGHT + LANE_HEIGHT;
/** Room each tick label needs, so labels never collide. */
const PX_PER_TICK = 84;

const TREE_KEYS = new Set<string>(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"]);

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
  const records = hasInvocationPages(useConnection());
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
          <TimelineAxis trackRef={trackRef} ticks={labelled} breaks={breakLabels} nowX={nowX} />
          <InvocationsLane
            count={model.invocations.length}
            segments={lane}
            scale={scale}
            running={running}
            onHover={onHover}
            {...(records ? { recordHref: (id: string) => routes.invocation(functionName, id) } : {})}
          />
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
