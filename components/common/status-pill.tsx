import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { Tone } from "./state-tone";

const TONE_CLASS: Record<Tone, string> = {
  success: "bg-success-soft text-success border-success/25",
  progress: "bg-accent text-accent-foreground border-primary/25",
  danger: "bg-danger-soft text-destructive border-destructive/25",
  warning: "bg-warning-soft text-warning border-warning/30",
  neutral: "bg-muted text-muted-foreground border-border",
};

/**
 * The small coloured pill every status badge draws (function states, invocations, durable executions and
 * operations): an icon and a word in the tone's colours. The word carries the meaning, the colour helps.
 */
export function StatusPill({
  tone,
  icon: Icon,
  iconClassName,
  className,
  children,
}: {
  tone: Tone;
  icon: LucideIcon;
  /** E.g. a spin for work in progress. */
  iconClassName?: string | false;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap",
        TONE_CLASS[tone],
        className,
      )}
    >
      <Icon className={cn("size-3", iconClassName)} aria-hidden />
      {children}
    </span>
  );
}
