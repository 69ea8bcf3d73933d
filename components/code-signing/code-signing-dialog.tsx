"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { splitList } from "@/components/common/split-list";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import type { ActionError } from "@/lib/actions/result";
import { CodeSigningConfigFormSchema, SIGNING_PROFILES_MAX } from "@/lib/code-signing-forms";
import { firstIssuePerField } from "@/lib/form-errors";
import type { CodeSigningConfig } from "@/lib/lambda-types";
import { useSaveCodeSigningConfig } from "@/lib/queries/code-signing";
import { cn } from "@/lib/utils";

type Field = "description" | "signingProfileVersionArns";

const POLICIES = [
  { value: "Warn", title: "Warn", body: "Deploy unsigned or untrusted code, and log a warning." },
  { value: "Enforce", title: "Enforce", body: "Refuse deployments whose signature does not check out." },
] as const;

/** Create a code signing config (no `config`) or edit one. */
export function CodeSigningDialog({
  config,
  open,
  onOpenChange,
}: {
  config?: CodeSigningConfig;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveCodeSigningConfig();
  const [description, setDescription] = useState(config?.Description ?? "");
  const [profiles, setProfiles] = useState((config?.SigningProfileVersionArns ?? []).join("\n"));
  const [policy, setPolicy] = useState<"Warn" | "Enforce">(
    config?.UntrustedArtifactOnDeployment === "Enforce" ? "Enforce" : "Warn",
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const editing = config !== undefined;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = CodeSigningConfigFormSchema.safeParse({
      ...(config ? { arn: config.CodeSigningConfigArn } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      signingProfileVersionArns: splitList(profiles),
      untrustedArtifactOnDeployment: policy,
    });
    if (!parsed.success) {
      setErrors(firstIssuePerField<Field>(parsed.error.issues));
      return;
    }
    const result = await save.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(editing ? "Code signing config saved" : `Created ${result.data.CodeSigningConfigId}`);
      onOpenChange(false);
      return;
    }
    const fields = result.error.fieldErrors ?? {};
    if (fields.allowedPublishers) setErrors({ signingProfileVersionArns: fields.allowedPublishers });
    else if (fields.description) setErrors({ description: fields.description });
    else setFormError(result.error);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent className="sm:max-w-lg">
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-4"
          aria-label={editing ? "Edit code signing config" : "Create code signing config"}
        >
          <DialogHeader>
            <DialogTitle>{editing ? `Edit ${config.CodeSigningConfigId}` : "Create code signing config"}</DialogTitle>
            <DialogDescription>
              Which AWS Signer profiles may sign code for the functions that use this config, and what happens to code
              they did not sign.
            </DialogDescription>
          </DialogHeader>
          <FormField
            id="csc-profiles"
            label="Signing profile version ARNs"
            error={errors.signingProfileVersionArns}
            hint={`One per line, 1 – ${SIGNING_PROFILES_MAX}.`}
          >
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                spellCheck={false}
                autoFocus
                className={MONO_FIELD}
                placeholder="arn:aws:signer:us-east-1:123456789012:/signing-profiles/MyProfile/abcdef1234"
                value={profiles}
                disabled={save.isPending}
                onChange={(e) => {
                  setProfiles(e.target.value);
                  setErrors((x) => ({ ...x, signingProfileVersionArns: undefined }));
                }}
              />
            )}
          </FormField>
          <div className="grid gap-2">
            <span id="csc-policy-label" className="text-sm leading-none font-medium">
              Untrusted artifact on deployment
            </span>
            <RadioGroup
              aria-labelledby="csc-policy-label"
              value={policy}
              onValueChange={(v) => setPolicy(v as "Warn" | "Enforce")}
              className="grid gap-2 sm:grid-cols-2"
              disabled={save.isPending}
            >
              {POLICIES.map((p) => (
                <label
                  key={p.value}
                  className={cn(
                    "hover:bg-accent/40 flex cursor-pointer gap-2.5 rounded-lg border p-3",
                    policy === p.value && "border-primary/60 bg-accent/50",
                  )}
                >
                  <RadioGroupItem value={p.value} aria-label={p.title} className="mt-0.5" />
                  <span className="space-y-0.5">
                    <span className="block text-sm font-medium">{p.title}</span>
                    <span className="text-muted-foreground block text-xs">{p.body}</span>
                  </span>
                </label>
              ))}
            </RadioGroup>
          </div>
          <FormField id="csc-description" label="Description (optional)" error={errors.description}>
            {(control) => (
              <Input
                {...control}
                value={description}
                disabled={save.isPending}
                placeholder="Production signing"
                onChange={(e) => {
                  setDescription(e.target.value);
                  setErrors((x) => ({ ...x, description: undefined }));
                }}
              />
            )}
          </FormField>
          {formError ? (
            <ErrorPanel
              error={formError}
              title={editing ? "Could not save the config" : "Could not create the config"}
            />
          ) : null}
          <FormDialogFooter
            pending={save.isPending}
            submitLabel={editing ? "Save" : "Create config"}
            pendingLabel="Saving…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
