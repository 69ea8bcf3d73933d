"use client";

import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";

export interface SegmentedOption<T extends string> {
  value: T;
  label: React.ReactNode;
  /** Shown in a tooltip: what choosing this does. */
  hint?: string;
  disabled?: boolean;
}

/**
 * A compact one-of-N choice (invocation type, response mode). A radio group underneath, so it reads as
 * one to assistive tech and arrow keys move between options.
 */
export function Segmented<T extends string>({
  value,
  onValueChange,
  options,
  label,
  className,
  size = "sm",
}: {
  value: T;
  onValueChange: (value: T) => void;
  options: SegmentedOption<T>[];
  /** The group's accessible name. */
  label: string;
  className?: string;
  size?: "sm" | "xs";
}) {
  return (
    <RadioGroupPrimitive.Root
      aria-label={label}
      value={value}
      onValueChange={(v) => onValueChange(v as T)}
      orientation="horizontal"
      className={cn("bg-muted/80 inline-flex items-center gap-0.5 rounded-md border p-0.5 dark:bg-black/20", className)}
    >
      {options.map((option) => {
        const item = (
          <RadioGroupPrimitive.Item
            key={option.value}
            value={option.value}
            disabled={option.disabled}
            className={cn(
              "text-muted-foreground hover:text-foreground focus-visible:ring-ring/50 rounded-[calc(var(--radius)-4px)] font-medium whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] disabled:pointer-events-none disabled:opacity-50",
              // aria-checked, not data-state: a tooltip trigger wrapping the item overwrites data-state.
              "aria-checked:bg-card aria-checked:text-foreground aria-checked:ring-border aria-checked:shadow-sm aria-checked:ring-1 dark:aria-checked:bg-accent dark:aria-checked:text-accent-foreground dark:aria-checked:ring-primary/30",
              size === "sm" ? "h-7 px-2.5 text-xs" : "h-6 px-2 text-xs",
            )}
          >
            {option.label}
          </RadioGroupPrimitive.Item>
        );
        return option.hint ? (
          <Tooltip key={option.value}>
            <TooltipTrigger asChild>{item}</TooltipTrigger>
            <TooltipContent className="max-w-72">{option.hint}</TooltipContent>
          </Tooltip>
        ) : (
          item
        );
      })}
    </RadioGroupPrimitive.Root>
  );
}
