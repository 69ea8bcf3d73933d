"use client";

import { useState } from "react";
import { LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { ErrorPanel } from "./error-panel";

/**
 * A confirmation that runs a server action: the question, a busy state while the action runs, and the
 * API's refusal shown in place (the dialog stays open, so the user reads why). `explain` turns a known
 * refusal into a next step.
 */
export function ConfirmActionDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive = true,
  run,
  success,
  errorTitle,
  explain,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  destructive?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  /** The toast after it worked. */
  success: string;
  errorTitle: string;
  explain?: (error: ActionError) => React.ReactNode;
  onDone?: () => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | undefined>();

  function close(next: boolean) {
    if (pending) return;
    onOpenChange(next);
    if (!next) setError(undefined);
  }

  async function confirm() {
    setPending(true);
    setError(undefined);
    try {
      const result = await run();
      if (result.ok) {
        toast.success(success);
        onOpenChange(false);
        onDone?.();
      } else {
        setError(result.error);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription asChild>
            <div className="space-y-2">{description}</div>
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <ErrorPanel error={error} title={errorTitle}>
            {explain ? <div className="text-muted-foreground">{explain(error)}</div> : null}
          </ErrorPanel>
        ) : null}
        <DialogFooter>
          <Button type="button" variant="outline" disabled={pending} onClick={() => close(false)}>
            Cancel
          </Button>
          <Button
            variant={destructive ? "destructive" : "default"}
            disabled={pending}
            onClick={() => void confirm()}
            autoFocus
          >
            {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
