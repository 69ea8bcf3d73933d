import { CircleAlertIcon, CircleCheckIcon, TimerOffIcon } from "lucide-react";
import type { Tone } from "@/components/common/state-tone";
import { StatusPill } from "@/components/common/status-pill";
import type { InvocationStatus } from "@/lib/lambda-types";

const STYLE: Record<InvocationStatus, { tone: Tone; icon: typeof CircleCheckIcon }> = {
  Success: { tone: "success", icon: CircleCheckIcon },
  Error: { tone: "danger", icon: CircleAlertIcon },
  Timeout: { tone: "warning", icon: TimerOffIcon },
};

/** How an invocation ended; the word carries the meaning, the colour only helps. */
export function InvocationStatusBadge({ status, className }: { status: InvocationStatus; className?: string }) {
  const s = STYLE[status];
  return (
    <StatusPill tone={s.tone} icon={s.icon} className={className}>
      {status}
    </StatusPill>
  );
}
