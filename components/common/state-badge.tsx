import { CircleAlertIcon, CircleCheckIcon, CircleDashedIcon, CircleMinusIcon, LoaderCircleIcon } from "lucide-react";
import { stateLabel, stateTone, type Tone } from "./state-tone";
import { StatusPill } from "./status-pill";

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
  return (
    <StatusPill
      tone={tone}
      icon={TONE_ICON[tone]}
      iconClassName={tone === "progress" && "animate-spin"}
      className={className}
    >
      {stateLabel(state)}
    </StatusPill>
  );
}
