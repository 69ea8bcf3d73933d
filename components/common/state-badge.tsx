import { CircleAlertIcon, CircleCheckIcon, CircleDashedIcon, CircleMinusIcon, LoaderCircleIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { stateLabel, stateTone, type Tone } from "./state-tone";

const TONE_CLASS: Record<Tone, string> = {
  success: "bg-success-soft text-success border-success/25",
  progress: "bg-accent text-accent-foreground border-primary/25",
  danger: "bg-danger-soft text-destructive border-destructive/25",
  warning: "bg-warning-soft text-warning border-warning/30",
  neutral: "bg-muted text-muted-foreground border-border",
};

const TONE_ICON: Record<Tone, typeof CircleCheckIcon> = {
  success: CircleCheckIcon,
  progress: LoaderCircleIcon,
  danger: CircleAlertIcon,
  warning: CircleMinusIcon,
  neutral: CircleDashedIcon,
};

/** A function's State or LastUpdateStatus as a small coloured pill; the text carries the meaning, not the colour. */
export function StateBadge({ state, className }: { state: string | undefined; className?: string }) {
  const tone = stateTone(state);
  const Icon = TONE_ICON[tone];
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap",
        TONE_CLASS[tone],
        className,
      )}
    >
      <Icon className={cn("size-3", tone === "progress" && "animate-spin")} aria-hidden />
      {stateLabel(state)}
    </span>
  );
}
