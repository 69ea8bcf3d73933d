import { CircleAlertIcon, CircleCheckIcon, TimerOffIcon } from "lucide-react";
import type { InvocationStatus } from "@/lib/lambda-types";
import { cn } from "@/lib/utils";

const STYLE: Record<InvocationStatus, { className: string; icon: typeof CircleCheckIcon; label: string }> = {
  Success: { className: "bg-success-soft text-success border-success/25", icon: CircleCheckIcon, label: "Success" },
  Error: { className: "bg-danger-soft text-destructive border-destructive/25", icon: CircleAlertIcon, label: "Error" },
  Timeout: { className: "bg-warning-soft text-warning border-warning/30", icon: TimerOffIcon, label: "Timeout" },
};

/** How an invocation ended; the word carries the meaning, the colour only helps. */
export function InvocationStatusBadge({ status, className }: { status: InvocationStatus; className?: string }) {
  const s = STYLE[status];
  const Icon = s.icon;
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap",
        s.className,
        className,
      )}
    >
      <Icon className="size-3" aria-hidden />
      {s.label}
    </span>
  );
}
