"use client";

import { ChevronRightIcon } from "lucide-react";
import { JsonView } from "@/components/common/json-view";
import type { DurableHistoryEvent } from "@/lib/durable-types";
import { formatDuration } from "./duration-format";
import { parseTime } from "./history-model";

/** An operation's own history events, each opening to its JSON. */
export function OperationEvents({ events, origin }: { events: DurableHistoryEvent[]; origin: number | undefined }) {
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
