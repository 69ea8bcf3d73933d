"use client";

import { MONO_FIELD } from "@/components/common/mono-field";
import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionError } from "@/lib/actions/result";
import { useDeleteFunction } from "@/lib/queries/functions";

/** Deleting is permanent (code, versions, aliases), so like AWS the user types the name to confirm. */
export function DeleteFunctionDialog({
  functionName,
  open,
  onOpenChange,
  onDeleted,
}: {
  functionName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteFunction();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<ActionError | undefined>();
  const pending = remove.isPending;
  const confirmed = typed === functionName;

  function close(next: boolean) {
    if (pending) return;
    onOpenChange(next);
    if (!next) {
      setTyped("");
      setError(undefined);
    }
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    setError(undefined);
    const result = await remove.mutateAsync({ functionName });
    if (result.ok) {
      toast.success(`Deleted ${functionName}`);
      onOpenChange(false);
      setTyped("");
      onDeleted?.();
    } else {
      setError(result.error);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Delete {functionName}?</DialogTitle>
            <DialogDescription>
              This deletes the function with its code, all of its versions and aliases. It can’t be undone.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="delete-confirm" className="font-normal">
              <span>
                Type <strong className="font-mono font-semibold">{functionName}</strong> to confirm
              </span>
            </Label>
            <Input
              id="delete-confirm"
              aria-label="Type the function name to confirm"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              className={MONO_FIELD}
              value={typed}
              disabled={pending}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          {error ? <ErrorPanel error={error} title="Could not delete the function" /> : null}
          <FormDialogFooter
            pending={pending}
            submitLabel="Delete function"
            pendingLabel="Deleting…"
            onCancel={() => close(false)}
            destructive
            disabled={!confirmed}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
