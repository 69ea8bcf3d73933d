"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ActionError } from "@/lib/actions/result";
import { SaveConnectionSchema } from "@/lib/connection-forms";
import { firstIssuePerField } from "@/lib/form-errors";
import { useSaveConnection } from "@/lib/queries/connections";

type Field = keyof SaveConnectionSchema;
type TextField = Exclude<Field, "kind">;

const EMPTY: SaveConnectionSchema = {
  label: "",
  endpoint: "",
  region: "us-east-1",
  accessKeyId: "",
  secretAccessKey: "",
  kind: "auto",
};

const KINDS: { value: SaveConnectionSchema["kind"]; label: string }[] = [
  { value: "auto", label: "Detect from the address" },
  { value: "emulator", label: "Lambda Console emulator" },
  { value: "endpoint", label: "Other Lambda endpoint" },
];

const FIELDS: {
  name: TextField;
  label: string;
  placeholder: string;
  hint?: string;
  mono?: boolean;
  secret?: boolean;
}[] = [
  { name: "label", label: "Name", placeholder: "LocalStack" },
  {
    name: "endpoint",
    label: "Endpoint URL",
    placeholder: "http://localhost:4566",
    hint: "Any Lambda-compatible endpoint: another emulator, LocalStack, a VPC endpoint.",
    mono: true,
  },
  { name: "region", label: "Region", placeholder: "us-east-1", mono: true },
  { name: "accessKeyId", label: "Access key ID", placeholder: "test", mono: true },
  {
    name: "secretAccessKey",
    label: "Secret access key",
    placeholder: "test",
    hint: "Kept in the console's own database on this machine; never sent to the browser.",
    mono: true,
    secret: true,
  },
];

/** Adds a Lambda endpoint with its keys to the connections the console can switch to. */
export function AddConnectionDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const save = useSaveConnection();
  const [values, setValues] = useState<SaveConnectionSchema>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = SaveConnectionSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(firstIssuePerField<Field>(parsed.error.issues));
      return;
    }
    const result = await save.mutateAsync(parsed.data);
    if (!result.ok) {
      const fields = result.error.fieldErrors ?? {};
      if (Object.keys(fields).length > 0) setErrors(fields as typeof errors);
      else setFormError(result.error);
      return;
    }
    toast.success(`Added ${parsed.data.label}`);
    setValues(EMPTY);
    onOpenChange(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent className="sm:max-w-lg">
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Add endpoint">
          <DialogHeader>
            <DialogTitle>Add endpoint</DialogTitle>
            <DialogDescription>
              A Lambda-compatible endpoint the console can switch to. For real AWS accounts, add a profile to ~/.aws
              instead: it shows up here on its own.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-3 sm:grid-cols-2">
            {FIELDS.map((field) => (
              <FormField
                key={field.name}
                id={`connection-${field.name}`}
                label={field.label}
                error={errors[field.name]}
                hint={field.hint}
                className={field.name === "label" || field.name === "region" ? "" : "sm:col-span-2"}
              >
                {(control) => (
                  <Input
                    {...control}
                    type={field.secret ? "password" : "text"}
                    autoComplete="off"
                    spellCheck={false}
                    autoFocus={field.name === "label"}
                    className={field.mono ? MONO_FIELD : undefined}
                    placeholder={field.placeholder}
                    value={values[field.name]}
                    disabled={save.isPending}
                    onChange={(e) => {
                      const value = e.target.value;
                      setValues((v) => ({ ...v, [field.name]: value }));
                      setErrors((x) => ({ ...x, [field.name]: undefined }));
                    }}
                  />
                )}
              </FormField>
            ))}
          </div>
          <FormField
            id="connection-kind"
            label="Kind"
            hint="The emulator keeps invocation records (payloads included); with any other endpoint the Invocations tab reads the function's CloudWatch Logs. Detect takes a localhost address for the emulator."
          >
            {(control) => (
              <Select
                value={values.kind}
                disabled={save.isPending}
                onValueChange={(kind) => setValues((v) => ({ ...v, kind: kind as SaveConnectionSchema["kind"] }))}
              >
                <SelectTrigger {...control} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {KINDS.map((k) => (
                    <SelectItem key={k.value} value={k.value}>
                      {k.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
          {formError ? <ErrorPanel error={formError} /> : null}
          <FormDialogFooter
            pending={save.isPending}
            submitLabel="Add endpoint"
            pendingLabel="Adding…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
