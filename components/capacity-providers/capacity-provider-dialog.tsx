"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Segmented } from "@/components/common/segmented";
import { splitList } from "@/components/common/split-list";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import {
  CAPACITY_LIMITS,
  CreateCapacityProviderFormSchema,
  UpdateCapacityProviderFormSchema,
} from "@/lib/capacity-provider-forms";
import { firstIssuePerField } from "@/lib/form-errors";
import type { CapacityProvider } from "@/lib/lambda-types";
import { useCreateCapacityProvider, useUpdateCapacityProvider } from "@/lib/queries/capacity-providers";
import { cn } from "@/lib/utils";

interface Values {
  name: string;
  operatorRoleArn: string;
  subnets: string;
  securityGroups: string;
  architecture: "x86_64" | "arm64";
  instanceFilter: "any" | "allow" | "exclude";
  instanceTypes: string;
  scalingMode: "Auto" | "Manual";
  maxVCpuCount: string;
  target: string;
}

type Field =
  | "name"
  | "operatorRoleArn"
  | "subnetIds"
  | "securityGroupIds"
  | "allowedInstanceTypes"
  | "excludedInstanceTypes"
  | "maxVCpuCount"
  | "targetCpuUtilization";

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

function initial(p: CapacityProvider | undefined, account: string): Values {
  return {
    name: p?.Name ?? "",
    operatorRoleArn: p?.OperatorRoleArn ?? `arn:aws:iam::${account}:role/lambda-capacity-operator`,
    subnets: (p?.SubnetIds ?? []).join(", "),
    securityGroups: (p?.SecurityGroupIds ?? []).join(", "),
    architecture: p?.Architectures?.[0] === "arm64" ? "arm64" : "x86_64",
    instanceFilter: p?.AllowedInstanceTypes?.length ? "allow" : p?.ExcludedInstanceTypes?.length ? "exclude" : "any",
    instanceTypes: (p?.AllowedInstanceTypes ?? p?.ExcludedInstanceTypes ?? []).join(", "),
    scalingMode: p?.ScalingMode === "Manual" ? "Manual" : "Auto",
    maxVCpuCount: p?.MaxVCpuCount !== undefined ? String(p.MaxVCpuCount) : "",
    target: p?.TargetCpuUtilization !== undefined ? String(p.TargetCpuUtilization) : "",
  };
}

/** Create a capacity provider, or change an existing one's scaling (the only thing that can change). */
export function CapacityProviderDialog({
  provider,
  account,
  open,
  onOpenChange,
}: {
  provider?: CapacityProvider;
  account: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateCapacityProvider();
  const update = useUpdateCapacityProvider();
  const editing = provider !== undefined;
  const [values, setValues] = useState(() => initial(provider, account));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = create.isPending || update.isPending;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors({});
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const scaling = {
      scalingMode: values.scalingMode,
      ...(num(values.maxVCpuCount) !== undefined ? { maxVCpuCount: num(values.maxVCpuCount) } : {}),
      ...(values.scalingMode === "Manual" && num(values.target) !== undefined
        ? { targetCpuUtilization: num(values.target) }
        : {}),
    };
    const types = splitList(values.instanceTypes);
    const showIssues = (issues: { path: PropertyKey[]; message: string }[]) =>
      setErrors(firstIssuePerField<Field>(issues));
    let result;
    if (editing) {
      const parsed = UpdateCapacityProviderFormSchema.safeParse({ name: provider.Name, ...scaling });
      if (!parsed.success) return showIssues(parsed.error.issues);
      result = await update.mutateAsync(parsed.data);
    } else {
      const parsed = CreateCapacityProviderFormSchema.safeParse({
        name: values.name.trim(),
        operatorRoleArn: values.operatorRoleArn.trim(),
        subnetIds: splitList(values.subnets),
        securityGroupIds: splitList(values.securityGroups),
        architecture: values.architecture,
        ...(values.instanceFilter === "allow" ? { allowedInstanceTypes: types } : {}),
        ...(values.instanceFilter === "exclude" ? { excludedInstanceTypes: types } : {}),
        ...scaling,
      });
      if (!parsed.success) return showIssues(parsed.error.issues);
      result = await create.mutateAsync(parsed.data);
    }
    if (result.ok) {
      toast.success(editing ? `Saved ${result.data.Name}` : `Creating ${result.data.Name}`);
      onOpenChange(false);
      return;
    }
    if (result.error.code === "ResourceConflictException" && !editing) setErrors({ name: result.error.message });
    else setFormError(result.error);
  }

  const text = (
    id: keyof Values,
    field: Field,
    label: string,
    opts: { hint?: string; placeholder?: string; numeric?: boolean } = {},
  ) => (
    <FormField id={`cp-${id}`} label={label} error={errors[field]} hint={opts.hint}>
      {(control) => (
        <Input
          {...control}
          autoComplete="off"
          spellCheck={false}
          type={opts.numeric ? "number" : "text"}
          className={cn(!opts.numeric && MONO_FIELD, opts.numeric && "tabular")}
          placeholder={opts.placeholder}
          value={values[id]}
          disabled={pending}
          onChange={(e) => set(id, e.target.value as Values[typeof id])}
        />
      )}
    </FormField>
  );

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-4"
          aria-label={editing ? "Edit capacity provider" : "Create capacity provider"}
        >
          <DialogHeader>
            <DialogTitle>{editing ? `Edit ${provider.Name}` : "Create capacity provider"}</DialogTitle>
            <DialogDescription>
              {editing
                ? "Only the scaling of a capacity provider can change; its network and instances are fixed."
                : "EC2 capacity in your VPC that Lambda Managed Instances run functions on."}
            </DialogDescription>
          </DialogHeader>

          {editing ? null : (
            <>
              {text("name", "name", "Name", { placeholder: "general-purpose" })}
              {text("operatorRoleArn", "operatorRoleArn", "Operator role ARN", {
                hint: "The role Lambda assumes to launch and manage the instances.",
              })}
              <div className="grid items-start gap-4 sm:grid-cols-2">
                {text("subnets", "subnetIds", "Subnet IDs", {
                  placeholder: "subnet-0abc, subnet-0def",
                  hint: `1 – ${CAPACITY_LIMITS.subnetsMax}, comma-separated.`,
                })}
                {text("securityGroups", "securityGroupIds", "Security group IDs", {
                  placeholder: "sg-0abc",
                  hint: `0 – ${CAPACITY_LIMITS.securityGroupsMax}.`,
                })}
              </div>
              <div className="grid gap-2">
                <span className="text-sm leading-none font-medium">Architecture</span>
                <Segmented
                  label="Architecture"
                  className="w-fit"
                  value={values.architecture}
                  onValueChange={(v) => set("architecture", v)}
                  options={[
                    { value: "x86_64", label: "x86_64" },
                    { value: "arm64", label: "arm64" },
                  ]}
                />
              </div>
              <div className="grid gap-2">
                <span className="text-sm leading-none font-medium">Instance types</span>
                <Segmented
                  label="Instance types"
                  className="w-fit"
                  value={values.instanceFilter}
                  onValueChange={(v) => set("instanceFilter", v)}
                  options={[
                    { value: "any", label: "Any" },
                    { value: "allow", label: "Only these" },
                    { value: "exclude", label: "All but these" },
                  ]}
                />
                {values.instanceFilter !== "any"
                  ? text(
                      "instanceTypes",
                      values.instanceFilter === "allow" ? "allowedInstanceTypes" : "excludedInstanceTypes",
                      values.instanceFilter === "allow" ? "Allowed instance types" : "Excluded instance types",
                      { placeholder: "m7g.large, c7g.*", hint: "Comma-separated; * matches a family." },
                    )
                  : null}
              </div>
            </>
          )}

          <fieldset className="grid items-start gap-4 rounded-lg border p-4 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">Scaling</legend>
            <div className="grid gap-2 sm:col-span-2">
              <Segmented
                label="Scaling mode"
                className="w-fit"
                value={values.scalingMode}
                onValueChange={(v) => set("scalingMode", v)}
                options={[
                  { value: "Auto", label: "Auto", hint: "Lambda scales the instances for you." },
                  { value: "Manual", label: "Manual", hint: "Scale to keep average CPU at a target." },
                ]}
              />
            </div>
            {text("maxVCpuCount", "maxVCpuCount", "Maximum vCPUs (optional)", {
              numeric: true,
              hint: `${CAPACITY_LIMITS.vcpuMin} – ${CAPACITY_LIMITS.vcpuMax.toLocaleString("en")}.`,
            })}
            {values.scalingMode === "Manual"
              ? text("target", "targetCpuUtilization", "Target CPU utilization (%)", {
                  numeric: true,
                  placeholder: "60",
                  hint: "Average CPU the instances are scaled to keep.",
                })
              : null}
          </fieldset>

          {formError ? (
            <ErrorPanel
              error={formError}
              title={editing ? "Could not save the capacity provider" : "Could not create the capacity provider"}
            />
          ) : null}
          <FormDialogFooter
            pending={pending}
            submitLabel={editing ? "Save" : "Create capacity provider"}
            pendingLabel="Saving…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
