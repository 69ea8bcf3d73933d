import {
  CircleAlertIcon,
  CircleCheckIcon,
  CircleDashedIcon,
  CircleMinusIcon,
  CircleStopIcon,
  ClockIcon,
  LoaderCircleIcon,
  TimerOffIcon,
} from "lucide-react";
import type { DurableExecutionStatus } from "@/lib/durable-types";
import { cn } from "@/lib/utils";
import type { OperationStatus } from "./history-model";

type Status = DurableExecutionStatus | OperationStatus;

const STYLE: Record<Status, { className: string; icon: typeof CircleCheckIcon; label: string; spin?: boolean }> = {
  RUNNING: {
    className: "bg-accent text-accent-foreground border-primary/25",
    icon: LoaderCircleIcon,
    label: "Running",
    spin: true,
  },
  STARTED: {
    className: "bg-accent text-accent-foreground border-primary/25",
    icon: LoaderCircleIcon,
    label: "Started",
    spin: true,
  },
  PENDING: { className: "bg-muted text-muted-foreground border-border", icon: ClockIcon, label: "Pending" },
  SUCCEEDED: { className: "bg-success-soft text-success border-success/25", icon: CircleCheckIcon, label: "Succeeded" },
  FAILED: {
    className: "bg-danger-soft text-destructive border-destructive/25",
    icon: CircleAlertIcon,
    label: "Failed",
  },
  TIMED_OUT: { className: "bg-warning-soft text-warning border-warning/30", icon: TimerOffIcon, label: "Timed out" },
  STOPPED: { className: "bg-muted text-muted-foreground border-border", icon: CircleStopIcon, label: "Stopped" },
  CANCELLED: { className: "bg-muted text-muted-foreground border-border", icon: CircleMinusIcon, label: "Cancelled" },
};

const UNKNOWN = { className: "bg-muted text-muted-foreground border-border", icon: CircleDashedIcon, spin: false };

export function statusLabel(status: Status): string {
  return STYLE[status]?.label ?? status;
}

/** An execution's or an operation's status as a pill; the word carries the meaning, the colour helps. */
export function DurableStatusBadge({
  status,
  label,
  className,
}: {
  status: Status;
  /** Overrides the word (an open callback reads "Waiting", not "Started"). */
  label?: string;
  className?: string;
}) {
  const s = STYLE[status] ?? { ...UNKNOWN, label: status };
  const Icon = s.icon;
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap",
        s.className,
        className,
      )}
    >
      <Icon className={cn("size-3", s.spin && "animate-spin motion-reduce:animate-none")} aria-hidden />
      {label ?? s.label}
    </span>
  );
}
