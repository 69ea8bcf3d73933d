"use client";

import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import type { FunctionConfig } from "@/lib/lambda-types";

/**
 * While Lambda applies an update (LastUpdateStatus InProgress) the function query polls; this says so.
 * A failed update is shown with Lambda's reason until the next successful one.
 */
export function UpdateStatusBanner({ config }: { config: FunctionConfig }) {
  if (config.LastUpdateStatus === "InProgress" || config.State === "Pending") {
    return (
      <div
        role="status"
        className="border-primary/25 bg-accent text-accent-foreground flex items-center gap-2.5 rounded-lg border px-4 py-3 text-sm"
      >
        <LoaderCircleIcon className="size-4 animate-spin" aria-hidden />
        {config.State === "Pending"
          ? "Lambda is creating the function. It can be invoked once it is Active."
          : "Lambda is applying the last update. This page refreshes when it is done."}
      </div>
    );
  }
  if (config.LastUpdateStatus === "Failed") {
    return (
      <div
        role="alert"
        className="border-destructive/30 bg-danger-soft flex items-start gap-2.5 rounded-lg border px-4 py-3 text-sm"
      >
        <CircleAlertIcon className="text-destructive mt-0.5 size-4" aria-hidden />
        <div>
          <p className="font-medium">The last update failed</p>
          <p className="text-muted-foreground">
            {config.LastUpdateStatusReasonCode ? (
              <code className="font-mono">{config.LastUpdateStatusReasonCode}</code>
            ) : null}
            {config.LastUpdateStatusReasonCode && config.LastUpdateStatusReason ? " — " : null}
            {config.LastUpdateStatusReason}
          </p>
        </div>
      </div>
    );
  }
  return null;
}
