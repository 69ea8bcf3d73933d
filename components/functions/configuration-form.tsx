"use client";

import { useState } from "react";
import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormField } from "@/components/common/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import { MEMORY_RANGE_MB, UpdateFunctionConfigurationFormSchema } from "@/lib/function-forms";
import type { FunctionConfig } from "@/lib/lambda-types";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { useUpdateFunctionConfiguration } from "@/lib/queries/functions";
import { useFunction } from "@/lib/queries/use-function";
import { EnvEditor } from "./env-editor";
import { isOverLimit, rowsChanged, rowsFromVariables, validateRows, variablesFromRows, type EnvRow } from "./env-rows";
import { FunctionTabSkeleton } from "./function-skeletons";
import { UpdateStatusBanner } from "./update-status-banner";

interface Values {
  description: string;
  memorySize: string;
  timeout: string;
  env: EnvRow[];
}

type FieldKey = "description" | "memorySize" | "timeout" | "environment";

function valuesOf(c: FunctionConfig): Values {
  return {
    description: c.Description ?? "",
    memorySize: String(c.MemorySize ?? 128),
    timeout: String(c.Timeout ?? 3),
    env: rowsFromVariables(c.Environment?.Variables),
  };
}

function isDirty(v: Values, c: FunctionConfig): boolean {
  return (
    v.description !== (c.Description ?? "") ||
    v.memorySize !== String(c.MemorySize ?? 128) ||
    v.timeout !== String(c.Timeout ?? 3) ||
    rowsChanged(v.env, c.Environment?.Variables)
  );
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function ConfigurationForm({ name }: { name: string }) {
  const { data, refetch } = useFunction(name);
  if (!data) return <FunctionTabSkeleton />;
  return <ConfigurationFormLoaded name={name} config={data.Configuration} reload={() => void refetch()} />;
}

function ConfigurationFormLoaded({
  name,
  config,
  reload,
}: {
  name: string;
  config: FunctionConfig;
  reload: () => void;
}) {
  const update = useUpdateFunctionConfiguration();
  const [values, setValues] = useState(() => valuesOf(config));
  const [base, setBase] = useState(config);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();

  const dirty = isDirty(values, base);
  // Someone (or a deploy) changed the function while this form was open. Untouched forms follow along;
  // edited ones keep the edits and say so, and the API's RevisionId check prevents a silent overwrite.
  const changedUnderneath = config.RevisionId !== base.RevisionId;
  if (changedUnderneath && !dirty && !update.isPending) {
    setBase(config);
    setValues(valuesOf(config));
  }

  const input = {
    functionName: name,
    ...(base.RevisionId ? { revisionId: base.RevisionId } : {}),
    description: values.description,
    memorySize: num(values.memorySize),
    timeout: num(values.timeout),
    environment: variablesFromRows(values.env),
  };

  const fieldErrors: Partial<Record<FieldKey, string>> = {};
  if (submitted) {
    const parsed = UpdateFunctionConfigurationFormSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as FieldKey | undefined;
        // Key problems show on their row; the map-level message is only for the 4 KB total.
        if (key && key !== "environment" && !fieldErrors[key]) fieldErrors[key] = issue.message;
      }
    }
    if (isOverLimit(input.environment))
      fieldErrors.environment = `Environment variables may total at most ${LIMITS.environmentMaxBytes} bytes (4 KB).`;
  }
  for (const key of ["description", "memorySize", "timeout", "environment"] as const) {
    if (serverErrors[key]) fieldErrors[key] = serverErrors[key];
  }

  const rowErrors = validateRows(values.env);
  for (const row of values.env) {
    const server = serverErrors[`environment.${row.key.trim()}`];
    if (server && !rowErrors[row.id]) rowErrors[row.id] = server;
  }

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors((e) => {
      const next = { ...e };
      delete next[key === "env" ? "environment" : key];
      if (key === "env") for (const k of Object.keys(next)) if (k.startsWith("environment.")) delete next[k];
      return next;
    });
  }

  function discard() {
    setBase(config);
    setValues(valuesOf(config));
    setSubmitted(false);
    setServerErrors({});
    setFormError(undefined);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    const parsed = UpdateFunctionConfigurationFormSchema.safeParse(input);
    if (!parsed.success || Object.keys(validateRows(values.env)).length > 0) return;
    const result = await update.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success("Configuration saved", {
        description:
          result.data.LastUpdateStatus === "InProgress" ? "Lambda is applying the update." : "The function is updated.",
      });
      setBase(result.data);
      setValues(valuesOf(result.data));
      setSubmitted(false);
      setServerErrors({});
      return;
    }
    const errors = result.error.fieldErrors ?? {};
    setServerErrors(errors);
    if (Object.keys(errors).length === 0) setFormError(result.error);
  }

  const pending = update.isPending;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Function configuration">
      <UpdateStatusBanner config={config} />
      {changedUnderneath && dirty ? (
        <div
          role="status"
          className="border-warning/40 bg-warning-soft flex flex-wrap items-center gap-3 rounded-lg border px-4 py-3 text-sm"
        >
          <CircleAlertIcon className="text-warning size-4" aria-hidden />
          <span className="flex-1">The function changed since you started editing. Saving will be refused.</span>
          <Button type="button" size="sm" variant="outline" onClick={discard}>
            Discard my changes and reload
          </Button>
        </div>
      ) : null}

      <section id="general" aria-labelledby="general-heading" className="bg-card scroll-mt-20 rounded-lg border">
        <div className="border-b px-5 py-3">
          <h2 id="general-heading" className="text-sm font-semibold">
            General configuration
          </h2>
        </div>
        <div className="grid gap-5 px-5 py-5 md:grid-cols-2">
          <FormField
            id="config-description"
            label="Description"
            error={fieldErrors.description}
            className="md:col-span-2"
            hint={`${values.description.length} / 256 characters`}
          >
            {(control) => (
              <Input
                {...control}
                value={values.description}
                placeholder="What this function does"
                disabled={pending}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id="config-memory"
            label="Memory (MB)"
            error={fieldErrors.memorySize}
            hint={`${MEMORY_RANGE_MB.min} – ${MEMORY_RANGE_MB.max} MB. CPU scales with memory.`}
          >
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="numeric"
                min={MEMORY_RANGE_MB.min}
                max={MEMORY_RANGE_MB.max}
                className="tabular"
                value={values.memorySize}
                disabled={pending}
                onChange={(e) => set("memorySize", e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id="config-timeout"
            label="Timeout (seconds)"
            error={fieldErrors.timeout}
            hint="1 – 900 seconds (15 minutes)."
          >
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={900}
                className="tabular"
                value={values.timeout}
                disabled={pending}
                onChange={(e) => set("timeout", e.target.value)}
              />
            )}
          </FormField>
        </div>
      </section>

      <section id="environment" aria-labelledby="env-heading" className="bg-card scroll-mt-20 rounded-lg border">
        <div className="border-b px-5 py-3">
          <h2 id="env-heading" className="text-sm font-semibold">
            Environment variables
          </h2>
          <p className="text-muted-foreground mt-0.5 text-xs">
            Visible to your code as process environment. Not for secrets: anyone who can read the configuration can read
            them.
          </p>
        </div>
        <div className="px-5 py-5">
          <EnvEditor
            rows={values.env}
            onChange={(env) => set("env", env)}
            rowErrors={rowErrors}
            error={fieldErrors.environment}
            disabled={pending}
          />
        </div>
      </section>

      {formError ? (
        <ErrorPanel error={formError} title="Could not save the configuration">
          {formError.code === "PreconditionFailedException" ? (
            <Button
              type="button"
              size="sm"
              variant="outline"
              className="mt-1"
              onClick={() => {
                discard();
                reload();
              }}
            >
              Reload the latest configuration
            </Button>
          ) : null}
        </ErrorPanel>
      ) : null}

      <div className="bg-background/90 supports-[backdrop-filter]:bg-background/75 sticky bottom-0 -mx-1 flex items-center justify-end gap-3 border-t px-1 py-3 backdrop-blur">
        <span className="text-muted-foreground mr-auto text-sm" aria-live="polite">
          {dirty ? "Unsaved changes" : "No changes"}
        </span>
        <Button type="button" variant="outline" disabled={!dirty || pending} onClick={discard}>
          Discard
        </Button>
        <Button type="submit" disabled={!dirty || pending}>
          {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
