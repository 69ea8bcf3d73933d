"use client";

import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronRightIcon, SearchIcon } from "lucide-react";
import { JsonView } from "@/components/common/json-view";
import { Input } from "@/components/ui/input";
import type { DurableHistoryEvent } from "@/lib/durable-types";
import { cn } from "@/lib/utils";
import { formatClock, formatDuration } from "./duration-format";
import { eventSummary, eventTone, type EventTone } from "./event-summary";
import { parseTime, type ExecutionModel } from "./history-model";

const TONE_DOT: Record<EventTone, string> = {
  success: "bg-success",
  danger: "bg-destructive",
  warning: "bg-warning",
  progress: "bg-primary",
  neutral: "bg-muted-foreground/50",
};

const COLUMNS = "grid-cols-[2rem_3rem_10.5rem_12rem_minmax(8rem,14rem)_minmax(0,1fr)]";

/**
 * The raw history, one row per event, virtualized (an execution may have thousands). A row opens to the
 * event's JSON; the operation column jumps to the operation on the timeline.
 */
export function EventsTable({
  events,
  model,
  onShowOperation,
}: {
  events: readonly DurableHistoryEvent[];
  model: ExecutionModel;
  onShowOperation: (id: string) => void;
}) {
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const origin = model.start;

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = events.map((event, index) => ({
      event,
      index,
      operation: event.Id ? model.byId.get(event.Id) : undefined,
      summary: eventSummary(event),
    }));
    if (!q) return all;
    return all.filter(
      (r) =>
        r.event.EventType?.toLowerCase().includes(q) ||
        r.operation?.label.toLowerCase().includes(q) ||
        r.event.Id?.toLowerCase().includes(q) ||
        r.summary.toLowerCase().includes(q),
    );
  }, [events, filter, model.byId]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual hands back new functions each render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 33,
    overscan: 12,
    getItemKey: (i) => rows[i]?.index ?? i,
  });

  function toggle(index: number) {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }

  return (
    <section aria-labelledby="events-heading" className="bg-card min-w-0 rounded-lg border">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b px-4 py-2">
        <h2 id="events-heading" className="text-sm font-semibold">
          History events{" "}
          <span className="text-muted-foreground font-normal">
            · {rows.length === events.length ? events.length : `${rows.length} of ${events.length}`}
          </span>
        </h2>
        <div className="relative">
          <SearchIcon
            className="text-muted-foreground pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2"
            aria-hidden
          />
          <Input
            aria-label="Filter events"
            placeholder="Filter events"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="h-8 w-72 pl-8 text-sm"
          />
        </div>
      </div>
      <div role="table" aria-label="History events" aria-rowcount={rows.length + 1} className="text-[0.8125rem]">
        <div role="rowgroup" className="bg-muted/40 border-b">
          <div role="row" className={cn("text-muted-foreground grid h-8 items-center text-xs font-medium", COLUMNS)}>
            <span role="columnheader">
              <span className="sr-only">Details</span>
            </span>
            <span role="columnheader" className="text-right">
              #
            </span>
            <span role="columnheader" className="pl-4">
              Time
            </span>
            <span role="columnheader">Event</span>
            <span role="columnheader">Operation</span>
            <span role="columnheader" className="pr-4">
              Summary
            </span>
          </div>
        </div>
        <div ref={scrollRef} className="max-h-[min(68vh,46rem)] overflow-auto overscroll-contain" role="rowgroup">
          {rows.length === 0 ? (
            <p className="text-muted-foreground px-4 py-6 text-center text-sm">
              {events.length === 0 ? "No events yet." : "No event matches the filter."}
            </p>
          ) : null}
          <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const { event, index, operation, summary } = row;
              const at = parseTime(event.EventTimestamp);
              const expanded = open.has(index);
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="absolute inset-x-0 border-b last:border-b-0"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div
                    className={cn("hover:bg-muted/40 grid min-h-8 items-center", COLUMNS, expanded && "bg-muted/30")}
                  >
                    <span role="cell" className="flex justify-center">
                      <button
                        type="button"
                        onClick={() => toggle(index)}
                        aria-expanded={expanded}
                        aria-label={`${expanded ? "Hide" : "Show"} event ${event.EventId ?? index + 1} JSON`}
                        className="text-muted-foreground hover:text-foreground hover:bg-muted focus-visible:ring-ring/50 flex size-6 items-center justify-center rounded-sm outline-none focus-visible:ring-[3px]"
                      >
                        <ChevronRightIcon className={cn("size-3.5 transition-transform", expanded && "rotate-90")} />
                      </button>
                    </span>
                    <span role="cell" className="text-muted-foreground tabular text-right text-xs">
                      {event.EventId ?? index + 1}
                    </span>
                    <span role="cell" className="tabular pl-4 text-xs whitespace-nowrap">
                      {at !== undefined && origin !== undefined ? `+${formatDuration(at - origin)}` : "—"}
                      {at !== undefined ? (
                        <span className="text-muted-foreground"> · {formatClock(at).slice(0, 8)}</span>
                      ) : null}
                    </span>
                    <span role="cell" className="flex min-w-0 items-center gap-1.5">
                      <span
                        className={cn("size-1.5 shrink-0 rounded-full", TONE_DOT[eventTone(event.EventType)])}
                        aria-hidden
                      />
                      <span className="truncate font-medium">{event.EventType}</span>
                    </span>
                    <span role="cell" className="min-w-0 pr-3">
                      {operation ? (
                        <button
                          type="button"
                          onClick={() => onShowOperation(operation.id)}
                          className="text-primary block max-w-full truncate text-left underline-offset-4 hover:underline"
                          title={`Show ${operation.label} on the timeline`}
                        >
                          {operation.label}
                        </button>
                      ) : (
                        <span className="text-muted-foreground">
                          {event.EventType === "InvocationCompleted" ? "Invocation" : "Execution"}
                        </span>
                      )}
                    </span>
                    <span
                      role="cell"
                      className="text-muted-foreground min-w-0 truncate pr-4 font-mono text-xs"
                      title={summary}
                    >
                      {summary}
                    </span>
                  </div>
                  {expanded ? (
                    <div className="px-4 pb-3 pl-[5rem]">
                      <JsonView
                        text={JSON.stringify(event)}
                        label={`Event ${event.EventId ?? index + 1} JSON`}
                        className="max-h-80 text-xs"
                      />
                    </div>
                  ) : null}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
