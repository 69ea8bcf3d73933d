"use client";

import { useState } from "react";
import { LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { MONO_FIELD } from "@/components/common/mono-field";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import type { TestEvent } from "@/lib/lambda-types";
import { useCreateTestEvent, useDeleteTestEvent, useUpdateTestEvent } from "@/lib/queries/test-events";
import { TEST_EVENT_NAME_MAX, TestEventNameSchema } from "@/lib/test-event-forms";

/** Save the editor's JSON as a new event, or rename an existing one: a name field and the server's answer. */
export function EventNameDialog({
  mode,
  functionName,
  open,
  onOpenChange,
  payload,
  event,
  suggestedName,
  onSaved,
}: {
  mode: "create" | "rename";
  functionName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The JSON to save (create). */
  payload?: string;
  /** The event to rename. */
  event?: TestEvent;
  suggestedName?: string;
  onSaved: (event: TestEvent) => void;
}) {
  const create = useCreateTestEvent();
  const update = useUpdateTestEvent();
  const [name, setName] = useState(mode === "rename" ? (event?.name ?? "") : (suggestedName ?? ""));
  const [error, setError] = useState<ActionError | undefined>();
  const pending = create.isPending || update.isPending;
  const local = TestEventNameSchema.safeParse(name);
  const [touched, setTouched] = useState(false);
  const fieldError =
    error?.fieldErrors?.name ?? (touched && !local.success ? local.error.issues[0]?.message : undefined);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!local.success || pending) return;
    setError(undefined);
    const result =
      mode === "create"
        ? await create.mutateAsync({ functionName, name: local.data, payload: payload ?? "{}" })
        : await update.mutateAsync({ functionName, id: event?.id ?? "", name: local.data });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(mode === "create" ? `Saved event ${result.data.name}` : `Renamed to ${result.data.name}`);
    onSaved(result.data);
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{mode === "create" ? "Save test event" : `Rename ${event?.name ?? "event"}`}</DialogTitle>
            <DialogDescription>
              {mode === "create"
                ? "Saved events are kept by the console for this function, so they are here next time — on the emulator and on AWS."
                : "The event keeps its JSON; only its name changes."}
            </DialogDescription>
          </DialogHeader>
          <FormField
            id="test-event-name"
            label="Event name"
            hint={`Up to ${TEST_EVENT_NAME_MAX} letters, numbers, dots, hyphens and underscores.`}
            error={fieldError}
          >
            {(control) => (
              <Input
                {...control}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                maxLength={TEST_EVENT_NAME_MAX + 10}
                className={MONO_FIELD}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setError(undefined);
                }}
                onBlur={() => setTouched(true)}
              />
            )}
          </FormField>
          {error && !error.fieldErrors?.name ? <ErrorPanel error={error} title="Could not save the event" /> : null}
          <FormDialogFooter
            pending={pending}
            submitLabel={mode === "create" ? "Save event" : "Rename"}
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeleteEventDialog({
  functionName,
  event,
  open,
  onOpenChange,
  onDeleted,
}: {
  functionName: string;
  event: TestEvent | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteTestEvent();
  const [error, setError] = useState<ActionError | undefined>();

  async function confirm() {
    if (!event) return;
    setError(undefined);
    const result = await remove.mutateAsync({ functionName, id: event.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(`Deleted event ${event.name}`);
    onDeleted();
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !remove.isPending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Delete {event?.name ?? "event"}?</DialogTitle>
          <DialogDescription>
            The saved event is removed for everyone using this console. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        {error ? <ErrorPanel error={error} title="Could not delete the event" /> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
            Delete event
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
