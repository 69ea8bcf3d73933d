"use client";

import { useState } from "react";
import { HeartPulseIcon, LoaderCircleIcon, OctagonXIcon, SendIcon } from "lucide-react";
import { toast } from "sonner";
import { useDialogState } from "@/components/common/use-dialog-state";
import { Button } from "@/components/ui/button";
import { useSendCallbackHeartbeat } from "@/lib/queries/durable-executions";
import { SendCallbackFailureDialog, SendCallbackSuccessDialog } from "./callback-dialogs";
import { formatClock } from "./duration-format";

/** The three answers to a waiting callback, right where the callback is shown. */
export function CallbackActions({
  executionArn,
  callbackId,
  label,
}: {
  executionArn: string;
  callbackId: string;
  label: string;
}) {
  const dialogs = useDialogState<"success" | "failure">();
  const heartbeat = useSendCallbackHeartbeat();
  const [lastBeat, setLastBeat] = useState<number | undefined>();

  async function beat() {
    const out = await heartbeat.mutateAsync({ executionArn, callbackId });
    if (out.ok) {
      setLastBeat(Date.now());
      toast.success("Heartbeat sent", { description: "The callback's heartbeat timeout starts over." });
    } else toast.error(out.error.message);
  }

  return (
    <section
      aria-label="Answer the callback"
      className="border-lane-callback/40 bg-lane-callback/8 space-y-2.5 rounded-lg border px-3 py-3"
    >
      <p className="text-sm">
        <span className="font-medium">Waiting for an answer.</span>{" "}
        <span className="text-muted-foreground">Send one as an external system would; the execution resumes.</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => dialogs.open("success")}>
          <SendIcon aria-hidden /> Send success
        </Button>
        <Button size="sm" variant="outline" onClick={() => dialogs.open("failure")}>
          <OctagonXIcon aria-hidden /> Send failure
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void beat()} disabled={heartbeat.isPending}>
          {heartbeat.isPending ? (
            <LoaderCircleIcon className="animate-spin" aria-hidden />
          ) : (
            <HeartPulseIcon aria-hidden />
          )}
          Heartbeat
        </Button>
      </div>
      {lastBeat ? (
        <p className="text-muted-foreground text-xs" aria-live="polite">
          Last heartbeat at <span className="tabular">{formatClock(lastBeat)}</span>
        </p>
      ) : null}
      <SendCallbackSuccessDialog
        key={`success-${dialogs.key}`}
        open={dialogs.dialog === "success"}
        onOpenChange={dialogs.onOpenChange}
        executionArn={executionArn}
        callbackId={callbackId}
        label={label}
      />
      <SendCallbackFailureDialog
        key={`failure-${dialogs.key}`}
        open={dialogs.dialog === "failure"}
        onOpenChange={dialogs.onOpenChange}
        executionArn={executionArn}
        callbackId={callbackId}
        label={label}
      />
    </section>
  );
}
