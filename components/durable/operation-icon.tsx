import {
  ArrowUpRightIcon,
  BracesIcon,
  CircleDotIcon,
  HourglassIcon,
  ListTreeIcon,
  RefreshCcwDotIcon,
  SplitIcon,
  WebhookIcon,
} from "lucide-react";
import type { OperationType } from "./history-model";

/** The icon of an operation's kind: a map's list, a parallel's fork, a callback's hook, a wait's hourglass. */
export function OperationIcon({
  type,
  subType,
  className,
}: {
  type: OperationType;
  subType: string | undefined;
  className?: string;
}) {
  const props = { className, "aria-hidden": true } as const;
  switch (subType) {
    case "Map":
      return <ListTreeIcon {...props} />;
    case "Parallel":
      return <SplitIcon {...props} />;
    case "WaitForCallback":
      return <WebhookIcon {...props} />;
    case "WaitForCondition":
      return <RefreshCcwDotIcon {...props} />;
  }
  switch (type) {
    case "STEP":
      return <CircleDotIcon {...props} />;
    case "WAIT":
      return <HourglassIcon {...props} />;
    case "CALLBACK":
      return <WebhookIcon {...props} />;
    case "CONTEXT":
      return <BracesIcon {...props} />;
    case "CHAINED_INVOKE":
      return <ArrowUpRightIcon {...props} />;
  }
}

/** The text colour of an operation's kind, matching its bars. */
export const TYPE_TEXT: Record<OperationType, string> = {
  STEP: "text-lane-step",
  WAIT: "text-lane-wait",
  CALLBACK: "text-lane-callback",
  CONTEXT: "text-lane-context",
  CHAINED_INVOKE: "text-lane-invoke",
};
