import { LoaderCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

/**
 * A form dialog's Cancel and submit buttons. While the request runs both are disabled, and the submit
 * button spins and says what is happening ("Saving…").
 */
export function FormDialogFooter({
  pending,
  submitLabel,
  pendingLabel = submitLabel,
  onCancel,
  form,
  destructive = false,
  disabled = false,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  onCancel: () => void;
  /** The form's id, for a footer outside its <form>. */
  form?: string;
  destructive?: boolean;
  /** Not ready to submit, apart from pending (nothing chosen, not confirmed). */
  disabled?: boolean;
}) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button
        type="submit"
        form={form}
        variant={destructive ? "destructive" : "default"}
        disabled={disabled || pending}
      >
        {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
        {pending ? pendingLabel : submitLabel}
      </Button>
    </DialogFooter>
  );
}
