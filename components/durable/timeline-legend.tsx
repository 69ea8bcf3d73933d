"use client";

import { InfoIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

const ITEMS: { swatch: string; label: string; note: string }[] = [
  { swatch: "bg-lane-run h-2.5", label: "Invocation", note: "The function was running" },
  { swatch: "bar-hatch text-muted-foreground/50 h-1.5", label: "Suspended", note: "Nothing ran; the execution waited" },
  { swatch: "bg-lane-step h-2.5", label: "Step", note: "One run of a step function" },
  { swatch: "bg-destructive h-2.5", label: "Failed", note: "A failed attempt or operation" },
  {
    swatch: "h-0 border-t border-dashed border-muted-foreground/70",
    label: "Retry delay",
    note: "Between an attempt and the next",
  },
  {
    swatch: "bar-hatch h-2.5 border border-lane-wait/70 text-lane-wait",
    label: "Wait",
    note: "A durable wait (no compute)",
  },
  {
    swatch: "bar-hatch h-2.5 border border-lane-callback/80 text-lane-callback",
    label: "Callback",
    note: "Waiting for an external answer",
  },
  { swatch: "bg-lane-invoke h-2.5", label: "Invoke", note: "A chained invoke of another function" },
  { swatch: "bg-lane-context/55 h-1.5 rounded-full", label: "Context", note: "Groups child operations" },
  {
    swatch: "h-2.5 border border-dashed border-muted-foreground/45",
    label: "Scheduled",
    note: "Still to come: a wait's end, a retry",
  },
  { swatch: "bg-primary/70 h-3 w-px", label: "Now", note: "While the execution runs" },
];

/** What the colours and patterns mean, one click away from the timeline. */
export function TimelineLegend() {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="text-muted-foreground">
          <InfoIcon aria-hidden /> Legend
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 p-3">
        <ul className="grid gap-2 text-xs">
          {ITEMS.map((item) => (
            <li key={item.label} className="grid grid-cols-[2.5rem_5rem_1fr] items-center gap-2">
              <span className="flex items-center">
                <span className={cn("inline-block w-8 rounded-[3px]", item.swatch)} aria-hidden />
              </span>
              <span className="font-medium">{item.label}</span>
              <span className="text-muted-foreground">{item.note}</span>
            </li>
          ))}
        </ul>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
