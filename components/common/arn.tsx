"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";
import { CopyButton } from "./copy-button";

/** An ARN in monospace, truncated from the left-hand side so the distinctive tail stays visible. */
export function Arn({ value, label = "ARN", className }: { value: string; label?: string; className?: string }) {
  return (
    <span className={cn("inline-flex max-w-full min-w-0 items-center gap-0.5", className)}>
      <Tooltip>
        <TooltipTrigger asChild>
          {/* Focusable so keyboard users can reach the full value in the tooltip. */}
          <span
            tabIndex={0}
            className="focus-visible:ring-ring/50 min-w-0 truncate rounded-sm font-mono text-[0.8125rem] outline-none focus-visible:ring-[3px]"
            style={{ direction: "rtl", textAlign: "left" }}
          >
            {/* The bidi isolate keeps the ARN's characters in order inside the rtl truncation box. */}
            <bdi style={{ direction: "ltr" }}>{value}</bdi>
          </span>
        </TooltipTrigger>
        <TooltipContent className="max-w-[min(90vw,48rem)] font-mono break-all">{value}</TooltipContent>
      </Tooltip>
      <CopyButton value={value} label={label} />
    </span>
  );
}
