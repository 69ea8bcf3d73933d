"use client";

import { useSyncExternalStore } from "react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatAbsoluteUtc, formatRelative, parseLambdaDate } from "./time-format";

// One shared 30-second clock for every RelativeTime on the page.
let now = Date.now();
const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  now = Date.now();
  interval ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/** "5 minutes ago" with the exact UTC time in a tooltip. The server renders the absolute time (no clock skew). */
export function RelativeTime({ value, className }: { value: string | undefined; className?: string }) {
  const clock = useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
  const date = parseLambdaDate(value);
  if (!date) return <span className="text-muted-foreground">—</span>;
  const absolute = formatAbsoluteUtc(date);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={date.toISOString()} className={className} tabIndex={0}>
          {clock === null ? absolute : formatRelative(date, new Date(clock))}
        </time>
      </TooltipTrigger>
      <TooltipContent>{absolute}</TooltipContent>
    </Tooltip>
  );
}
