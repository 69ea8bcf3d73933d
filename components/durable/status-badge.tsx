import {
  CircleAlertIcon,
  CircleCheckIcon,
  CircleDashedIcon,
  CircleMinusIcon,
  CircleStopIcon,
  ClockIcon,
  LoaderCircleIcon,
  TimerOffIcon,
  type LucideIcon,
} from "lucide-react";
import type { Tone } from "@/components/common/state-tone";
import { StatusPill } from "@/components/common/status-pill";
import type { DurableExecutionStatus } from "@/lib/durable-types";
import type { OperationStatus } from "./history-model";

type Status = DurableExecutionStatus | OperationStatus;

const STYLE: Record<Status, { tone: Tone; icon: LucideIcon; label: string; spin?: boolean }> = {
  RUNNING: { tone: "progress", icon: LoaderCircleIcon, label: "Running", spin: true },
  STARTED: { tone: "progress", icon: LoaderCircleIcon, label: "Started", spin: true },
  PENDING: { tone: "neutral", icon: ClockIcon, label: "Pending" },
  SUCCEEDED: { tone: "success", icon: CircleCheckIcon, label: "Succeeded" },
  FAILED: { tone: "danger", icon: CircleAlertIcon, label: "Failed" },
  TIMED_OUT: { tone: "warning", icon: TimerOffIcon, label: "Timed out" },
  STOPPED: { tone: "neutral", icon: CircleStopIcon, label: "Stopped" },
  CANCELLED: { tone: "neutral", icon: CircleMinusIcon, label: "Cancelled" },
};

const UNKNOWN = { tone: "neutral" as const, icon: CircleDashedIcon, spin: false };

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
  return (
    <StatusPill
      tone={s.tone}
      icon={s.icon}
      iconClassName={s.spin && "animate-spin motion-reduce:animate-none"}
      className={className}
    >
      {label ?? s.label}
    </StatusPill>
  );
}
