"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { InfoIcon, RotateCcwIcon } from "lucide-react";
import { toast } from "sonner";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Segmented } from "@/components/common/segmented";
import { SaveBar, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { useConnection } from "@/components/layout/connection-context";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import { ASYNC_LIMITS, EventInvokeConfigFormSchema } from "@/lib/async-config-forms";
import type { EventInvokeConfig } from "@/lib/lambda-types";
import {
  eventInvokeConfigOptions,
  useDeleteEventInvokeConfig,
  usePutEventInvokeConfig,
} from "@/lib/queries/event-invoke-config";
import { DESTINATION_LABEL, destinationKind, hmsFromSeconds, secondsFromHms, type Hms } from "./async-fields";

const ID = "async";
const TITLE = "Asynchronous invocation";
const DESCRIPTION = "Retries, maximum event age and destinations for Event invocations (S3, SNS, EventBridge…).";

/** Lambda's behaviour without a config: 2 retries, events kept 6 hours, no destinations. */
const DEFAULTS = { retries: 2, age: ASYNC_LIMITS.ageMax };

interface Values {
  retries: "0" | "1" | "2";
  age: Hms;
  onSuccess: string;
  onFailure: string;
}

type Field = "maximumRetryAttempts" | "maximumEventAgeInSeconds" | "onSuccess" | "onFailure";

function valuesOf(c: EventInvokeConfig | null): Values {
  return {
    retries: String(c?.MaximumRetryAttempts ?? DEFAULTS.retries) as Values["retries"],
    age: hmsFromSeconds(c?.MaximumEventAgeInSeconds ?? DEFAULTS.age),
    onSuccess: c?.OnSuccess ?? "",
    onFailure: c?.OnFailure ?? "",
  };
}

export function AsyncConfigSection({ name }: { name: string }) {
  const config = useQuery(eventInvokeConfigOptions(name));
  if (config.isPending || config.isError) {
    return (
      <SettingsSection id={ID} title={TITLE} description={DESCRIPTION}>
        {config.isPending ? (
          <SectionSkeleton />
        ) : (
          <ErrorPanel
            error={config.error}
            title="Could not read the asynchronous invocation settings"
            onRetry={() => void config.refetch()}
            retrying={config.isFetching}
          />
        )}
      </SettingsSection>
    );
  }
  // Keyed by the stored config, so a save (or a change elsewhere) resets the form to what is stored.
  return <AsyncConfigForm key={JSON.stringify(config.data)} name={name} config={config.data} />;
}

function AsyncConfigForm({ name, config }: { name: string; config: EventInvokeConfig | null }) {
  const put = usePutEventInvokeConfig();
  const remove = useDeleteEventInvokeConfig();
  const connection = useConnection();
  const base = valuesOf(config);
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const [confirmReset, setConfirmReset] = useState(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(base);
  const offline = connection?.kind === "emulator";
  const undeliverable = [values.onSuccess, values.onFailure].some(
    (d) => d.trim() !== "" && destinationKind(d) !== "lambda",
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    const field: Field =
      key === "retries" ? "maximumRetryAttempts" : key === "age" ? "maximumEventAgeInSeconds" : (key as Field);
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = EventInvokeConfigFormSchema.safeParse({
      functionName: name,
      maximumRetryAttempts: Number(values.retries),
      maximumEventAgeInSeconds: secondsFromHms(values.age),
      ...(values.onSuccess.trim() ? { onSuccess: values.onSuccess.trim() } : {}),
      ...(values.onFailure.trim() ? { onFailure: values.onFailure.trim() } : {}),
    });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as Field;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    const result = await put.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success("Asynchronous invocation settings saved");
      return;
    }
    const fields = result.error.fieldErrors ?? {};
    const next: typeof errors = {};
    if (fields.maximumRetryAttempts) next.maximumRetryAttempts = fields.maximumRetryAttempts;
    if (fields.maximumEventAgeInSeconds) next.maximumEventAgeInSeconds = fields.maximumEventAgeInSeconds;
    // The service names the destination in prose ("The provided destination config DestinationConfig.OnFailure…").
    if (/OnSuccess/.test(result.error.message)) next.onSuccess = result.error.message;
    else if (/OnFailure/.test(result.error.message)) next.onFailure = result.error.message;
    if (Object.keys(next).length > 0) setErrors(next);
    else setFormError(result.error);
  }

  const destination = (field: "onSuccess" | "onFailure", label: string, hint: string) => {
    const value = values[field];
    const kind = value.trim() ? destinationKind(value) : undefined;
    return (
      <FormField
        id={`async-${field}`}
        label={label}
        error={errors[field]}
        hint={kind ? `${DESTINATION_LABEL[kind]}. ${hint}` : hint}
      >
        {(control) => (
          <Input
            {...control}
            spellCheck={false}
            autoComplete="off"
            className={MONO_FIELD}
            placeholder="arn:aws:sqs:us-east-1:123456789012:my-queue"
            value={value}
            disabled={put.isPending}
            onChange={(e) => set(field, e.target.value)}
          />
        )}
      </FormField>
    );
  };

  return (
    <SettingsSection
      id={ID}
      title={TITLE}
      description={DESCRIPTION}
      onSubmit={onSubmit}
      actions={
        config ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => setConfirmReset(true)}>
            <RotateCcwIcon aria-hidden /> Reset to defaults
          </Button>
        ) : (
          <span className="text-muted-foreground text-xs">Using Lambda&apos;s defaults</span>
        )
      }
      footer={
        <SaveBar
          dirty={dirty}
          pending={put.isPending}
          onDiscard={() => {
            setValues(base);
            setErrors({});
            setFormError(undefined);
          }}
        />
      }
    >
      <div className="space-y-5">
        <div className="grid gap-5 md:grid-cols-2">
          <div className="grid content-start gap-1.5">
            <span className="text-sm leading-none font-medium">Retry attempts</span>
            <Segmented
              label="Retry attempts"
              value={values.retries}
              onValueChange={(v) => set("retries", v)}
              options={[
                { value: "0", label: "0" },
                { value: "1", label: "1" },
                { value: "2", label: "2" },
              ]}
              className="w-fit"
            />
            <p className="text-muted-foreground text-xs">
              {errors.maximumRetryAttempts ?? "After a function error; throttles and system errors retry anyway."}
            </p>
          </div>
          <fieldset className="grid content-start gap-1.5" aria-describedby="async-age-hint">
            <legend className="mb-1.5 text-sm leading-none font-medium">Maximum event age</legend>
            <div className="flex items-center gap-2">
              {(
                [
                  ["hours", "h"],
                  ["minutes", "min"],
                  ["seconds", "s"],
                ] as const
              ).map(([unit, suffix]) => (
                <label key={unit} className="flex items-center gap-1 text-xs">
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={`Maximum event age, ${unit}`}
                    aria-invalid={errors.maximumEventAgeInSeconds ? true : undefined}
                    className="tabular h-9 w-16"
                    value={values.age[unit]}
                    disabled={put.isPending}
                    onChange={(e) => set("age", { ...values.age, [unit]: e.target.value })}
                  />
                  <span className="text-muted-foreground">{suffix}</span>
                </label>
              ))}
            </div>
            <p
              id="async-age-hint"
              className={errors.maximumEventAgeInSeconds ? "text-destructive text-xs" : "text-muted-foreground text-xs"}
            >
              {errors.maximumEventAgeInSeconds ?? "1 minute to 6 hours; older events are dropped (or sent on failure)."}
            </p>
          </fieldset>
        </div>
        <div className="grid gap-5 md:grid-cols-2">
          {destination("onSuccess", "On success destination", "Gets a record of each successful event.")}
          {destination("onFailure", "On failure destination", "Gets events that failed every attempt or got too old.")}
        </div>
        {offline && undeliverable ? (
          <p className="border-primary/25 bg-accent text-accent-foreground flex items-start gap-2 rounded-lg border px-3 py-2 text-xs">
            <InfoIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
            Connected to the emulator: only Lambda function destinations receive records offline. SQS, SNS, EventBridge
            and S3 destinations are stored and validated, and each delivery is logged as not delivered.
          </p>
        ) : null}
        {formError ? <ErrorPanel error={formError} title="Could not save the settings" /> : null}
      </div>
      <ConfirmActionDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title="Reset to Lambda's defaults?"
        description={<p>Removes the configuration: 2 retries, events kept up to 6 hours, and no destinations.</p>}
        confirmLabel="Reset"
        pendingLabel="Resetting…"
        run={() => remove.mutateAsync({ functionName: name })}
        success="Asynchronous invocation settings reset"
        errorTitle="Could not reset the settings"
      />
    </SettingsSection>
  );
}
