"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { ActionError } from "@/lib/actions/result";
import { ProvisionedConcurrencyFormSchema } from "@/lib/concurrency-forms";
import type { ProvisionedConcurrencyConfig } from "@/lib/lambda-types";
import { usePutProvisionedConcurrency } from "@/lib/queries/concurrency";
import { aliasesOptions, versionsOptions } from "@/lib/queries/qualifiers";

/** PutProvisionedConcurrencyConfig for an alias or a published version ($LATEST cannot have any). */
export function ProvisionedConcurrencyDialog({
  name,
  existing,
  open,
  onOpenChange,
}: {
  name: string;
  existing: ProvisionedConcurrencyConfig[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const put = usePutProvisionedConcurrency();
  const aliases = useQuery(aliasesOptions(name));
  const versions = useQuery(versionsOptions(name));
  const [qualifier, setQualifier] = useState("");
  const [amount, setAmount] = useState("1");
  const [errors, setErrors] = useState<{ qualifier?: string; amount?: string }>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const published = (versions.data ?? []).filter((v) => v.Version !== "$LATEST").reverse();
  const aliasList = aliases.data ?? [];
  const nothingToChoose = versions.isSuccess && aliases.isSuccess && published.length === 0 && aliasList.length === 0;
  const current = existing.find((c) => c.Qualifier === qualifier);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = ProvisionedConcurrencyFormSchema.safeParse({
      functionName: name,
      qualifier,
      amount: amount.trim() === "" ? Number.NaN : Number(amount),
    });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === "qualifier" || key === "amount") next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    const result = await put.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(`Provisioning ${parsed.data.amount} for ${parsed.data.qualifier}`, {
        description: "The status turns Ready once the environments are initialized.",
      });
      onOpenChange(false);
    } else if (result.error.fieldErrors?.provisionedConcurrentExecutions) {
      setErrors({ amount: result.error.fieldErrors.provisionedConcurrentExecutions });
    } else {
      setFormError(result.error);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !put.isPending && onOpenChange(o)}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Provisioned concurrency">
          <DialogHeader>
            <DialogTitle>Add provisioned concurrency</DialogTitle>
            <DialogDescription>
              Keeps environments of an alias or a published version initialized, so requests skip the cold start. AWS
              bills for them while they exist.
            </DialogDescription>
          </DialogHeader>
          {nothingToChoose ? (
            <p className="text-muted-foreground rounded-md border border-dashed px-4 py-4 text-sm">
              Provisioned concurrency applies to published versions and aliases, and this function has neither. Publish
              a version on the Versions tab first.
            </p>
          ) : (
            <>
              <FormField
                id="pc-qualifier"
                label="Version or alias"
                error={errors.qualifier}
                hint={
                  current
                    ? `Already ${current.RequestedProvisionedConcurrentExecutions ?? 0}; saving replaces it.`
                    : undefined
                }
              >
                {(control) => (
                  <Select
                    value={qualifier}
                    onValueChange={(v) => {
                      setQualifier(v);
                      setErrors((e) => ({ ...e, qualifier: undefined }));
                    }}
                  >
                    <SelectTrigger {...control} className="w-full font-mono">
                      <SelectValue placeholder="Choose…" />
                    </SelectTrigger>
                    <SelectContent>
                      {aliasList.length > 0 ? (
                        <SelectGroup>
                          <SelectLabel>Aliases</SelectLabel>
                          {aliasList.map((a) => (
                            <SelectItem key={a.Name} value={a.Name} className="font-mono">
                              {a.Name} → {a.FunctionVersion}
                            </SelectItem>
                          ))}
                        </SelectGroup>
                      ) : null}
                      {published.length > 0 ? (
                        <SelectGroup>
                          <SelectLabel>Versions</SelectLabel>
                          {published.map((v) => (
                            <SelectItem key={v.Version} value={v.Version} className="font-mono">
                              {v.Version}
                            </SelectItem>
                          ))}
                        </SelectGroup>
                      ) : null}
                    </SelectContent>
                  </Select>
                )}
              </FormField>
              <FormField
                id="pc-amount"
                label="Provisioned concurrent executions"
                error={errors.amount}
                hint="Counts against the function's reserved concurrency, or the account's unreserved pool."
              >
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    className="tabular"
                    value={amount}
                    onChange={(e) => {
                      setAmount(e.target.value);
                      setErrors((x) => ({ ...x, amount: undefined }));
                    }}
                  />
                )}
              </FormField>
            </>
          )}
          {formError ? <ErrorPanel error={formError} title="Could not provision concurrency" /> : null}
          <FormDialogFooter
            pending={put.isPending}
            submitLabel="Save"
            pendingLabel="Saving…"
            onCancel={() => onOpenChange(false)}
            disabled={nothingToChoose}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
