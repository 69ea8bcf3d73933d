"use client";

import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { useStopDurableExecution } from "@/lib/queries/durable-executions";

/** StopDurableExecution after a confirmation: stopping is final (the execution cannot be resumed). */
export function StopExecutionDialog({
  open,
  onOpenChange,
  executionArn,
  name,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  executionArn: string;
  name: string;
}) {
  const stop = useStopDurableExecution();
  return (
    <ConfirmActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Stop ${name}?`}
      description={
        <>
          <p>
            The execution ends as <span className="text-foreground font-medium">Stopped</span> and cannot be resumed.
            Operations in progress end with it, and waiting callbacks can no longer be answered.
          </p>
        </>
      }
      confirmLabel="Stop execution"
      pendingLabel="Stopping…"
      success={`Stopped ${name}`}
      errorTitle="Could not stop the execution"
      run={() =>
        stop.mutateAsync({
          executionArn,
          errorType: "ExecutionStopped",
          errorMessage: "Stopped from Lambda Console",
        })
      }
    />
  );
}
