"use client";

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
import { AddPermissionFormSchema } from "@/lib/permission-forms";
import { useAddPermission } from "@/lib/queries/policy";

const PRINCIPALS = [
  ["s3.amazonaws.com", "Amazon S3 (bucket notifications)"],
  ["sns.amazonaws.com", "Amazon SNS"],
  ["events.amazonaws.com", "Amazon EventBridge"],
  ["apigateway.amazonaws.com", "Amazon API Gateway"],
  ["logs.amazonaws.com", "CloudWatch Logs subscriptions"],
  ["elasticloadbalancing.amazonaws.com", "Application Load Balancer"],
  ["*", "Anyone"],
] as const;

const ACTIONS = ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", "lambda:GetFunction", "lambda:*"] as const;

type Field = "statementId" | "principal" | "action" | "sourceArn" | "sourceAccount" | "principalOrgId";
type Errors = Partial<Record<Field, string>>;

interface Values {
  statementId: string;
  principal: string;
  action: string;
  sourceArn: string;
  sourceAccount: string;
  principalOrgId: string;
  urlAuthType: "" | "NONE" | "AWS_IAM";
}

function fieldOf(key: string): Field | undefined {
  const k = key.toLowerCase();
  if (k === "statementid") return "statementId";
  if (k === "principalorgid") return "principalOrgId";
  if (["principal", "action", "sourcearn", "sourceaccount"].includes(k)) {
    return (
      { principal: "principal", action: "action", sourcearn: "sourceArn", sourceaccount: "sourceAccount" } as const
    )[k as "principal" | "action" | "sourcearn" | "sourceaccount"];
  }
  return undefined;
}

/** AddPermission: who (principal) may do what (action), optionally only from one source. */
export function AddPermissionDialog({
  name,
  open,
  onOpenChange,
}: {
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const add = useAddPermission();
  const [values, setValues] = useState<Values>(() => ({
    statementId: `console-${Date.now().toString(36)}`,
    principal: "",
    action: "lambda:InvokeFunction",
    sourceArn: "",
    sourceAccount: "",
    principalOrgId: "",
    urlAuthType: "",
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = add.isPending;
  const urlAction = values.action === "lambda:InvokeFunctionUrl";

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const t = (s: string) => s.trim();
    const parsed = AddPermissionFormSchema.safeParse({
      functionName: name,
      statementId: t(values.statementId),
      action: t(values.action),
      principal: t(values.principal),
      ...(t(values.sourceArn) ? { sourceArn: t(values.sourceArn) } : {}),
      ...(t(values.sourceAccount) ? { sourceAccount: t(values.sourceAccount) } : {}),
      ...(t(values.principalOrgId) ? { principalOrgId: t(values.principalOrgId) } : {}),
      ...(urlAction && values.urlAuthType ? { functionUrlAuthType: values.urlAuthType } : {}),
    });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = fieldOf(String(issue.path[0] ?? ""));
        if (field) next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    const result = await add.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(`Added statement ${parsed.data.statementId}`);
      onOpenChange(false);
      return;
    }
    const next: Errors = {};
    for (const [key, message] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = fieldOf(key);
      if (field) next[field] ??= message;
    }
    if (result.error.code === "ResourceConflictException" && /already exists/i.test(result.error.message)) {
      next.statementId = "A statement with this ID already exists; choose another.";
    }
    if (Object.keys(next).length > 0) setErrors(next);
    else setFormError(result.error);
  }

  const text = (
    field: Field,
    label: string,
    props: { placeholder?: string; hint?: string; list?: string; autoFocus?: boolean } = {},
  ) => (
    <FormField id={`perm-${field}`} label={label} error={errors[field]} hint={props.hint}>
      {(control) => (
        <Input
          {...control}
          autoComplete="off"
          spellCheck={false}
          className={MONO_FIELD}
          placeholder={props.placeholder}
          list={props.list}
          autoFocus={props.autoFocus}
          value={values[field]}
          disabled={pending}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Add permission">
          <DialogHeader>
            <DialogTitle>Add permission</DialogTitle>
            <DialogDescription>
              Adds a statement to {name}&apos;s resource-based policy. Limit service principals with a source ARN or
              account, so only your bucket or topic can invoke the function.
            </DialogDescription>
          </DialogHeader>

          {text("principal", "Principal", {
            placeholder: "s3.amazonaws.com, 123456789012, an IAM ARN or *",
            list: "perm-principals",
            autoFocus: true,
            hint: "An AWS service, an account ID, an IAM user or role ARN, or * for anyone.",
          })}
          <datalist id="perm-principals">
            {PRINCIPALS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </datalist>

          <div className="grid gap-4 sm:grid-cols-2">
            {text("action", "Action", { list: "perm-actions", hint: "Usually lambda:InvokeFunction." })}
            <datalist id="perm-actions">
              {ACTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            {text("statementId", "Statement ID", { hint: "Unique within the policy." })}
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            {text("sourceArn", "Source ARN (optional)", { placeholder: "arn:aws:s3:::my-bucket" })}
            {text("sourceAccount", "Source account (optional)", { placeholder: "123456789012" })}
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            {text("principalOrgId", "Organization ID (optional)", { placeholder: "o-a1b2c3d4e5" })}
            {urlAction ? (
              <FormField id="perm-url-auth" label="Function URL auth type">
                {(control) => (
                  <Select
                    value={values.urlAuthType || "any"}
                    onValueChange={(v) => set("urlAuthType", v === "any" ? "" : (v as "NONE" | "AWS_IAM"))}
                    disabled={pending}
                  >
                    <SelectTrigger {...control} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="any">Not restricted</SelectItem>
                      <SelectItem value="NONE">NONE (public URL)</SelectItem>
                      <SelectItem value="AWS_IAM">AWS_IAM</SelectItem>
                    </SelectContent>
                  </Select>
                )}
              </FormField>
            ) : null}
          </div>

          {formError ? <ErrorPanel error={formError} title="Could not add the permission" /> : null}

          <FormDialogFooter
            pending={pending}
            submitLabel="Add permission"
            pendingLabel="Adding…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
