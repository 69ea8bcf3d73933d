"use client";

import { useState } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { SaveBar, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { formatSpanWords } from "@/components/durable/duration-format";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/actions/result";
import { EXECUTION_TIMEOUT_RANGE, RETENTION_RANGE } from "@/lib/durable-forms";
import { firstIssuePerField } from "@/lib/form-errors";
import { DurableSettingsFormSchema } from "@/lib/function-forms";
import type { FunctionConfig } from "@/lib/lambda-types";
import { useUpdateDurableSettings } from "@/lib/queries/functions";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { DurableConfigField } from "./durable-config-field";

const TITLE = "Durable execution";
const DESCRIPTION = "How long an execution may run across its invocations, and how long its history is kept.";

/** DurableConfig: editable on a durable function; for the others, how a function becomes durable. */
export function DurableSection({ name }: { name: string }) {
  const { data } = useFunction(name);
  if (!data) {
    return (
      <SettingsSection id="durable" title={TITLE} description={DESCRIPTION}>
        <SectionSkeleton rows={2} />
      </SettingsSection>
    );
  }
  if (!data.Configuration.DurableConfig) {
    return (
      <SettingsSection id="durable" title={TITLE} description={DESCRIPTION}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-muted-foreground max-w-xl text-sm">
            Off. Durable execution is chosen when a function is created and cannot be turned on later: create a new
            function with the Durable option and move the code there.
          </p>
          <Button variant="outline" size="sm" asChild>
            <Link href={routes.functions({ create: "durable" })}>Create a durable function</Link>
          </Button>
        </div>
      </SettingsSection>
    );
  }
  return <DurableForm name={name} config={data.Configuration} />;
}

interface Values {
  executionTimeout: string;
  retentionPeriodInDays: string;
}

function DurableForm({ name, config }: { name: string; config: FunctionConfig }) {
  const update = useUpdateDurableSettings();
  const base: Values = {
    executionTimeout: String(config.DurableConfig?.ExecutionTimeout ?? ""),
    retentionPeriodInDays: String(config.DurableConfig?.RetentionPeriodInDays ?? ""),
  };
  const [values, setValues] = useState(base);
  const [baseRevision, setBaseRevision] = useState(config.RevisionId);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const dirty =
    values.executionTimeout !== base.executionTimeout || values.retentionPeriodInDays !== base.retentionPeriodInDays;
  // Follow outside changes while the user has not edited anything.
  if (config.RevisionId !== baseRevision && !dirty && !update.isPending) {
    setBaseRevision(config.RevisionId);
    setValues(base);
  }

  function set(key: keyof Values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
    const parsed = DurableSettingsFormSchema.safeParse({
      functionName: name,
      ...(config.RevisionId ? { revisionId: config.RevisionId } : {}),
      durableConfig: {
        executionTimeout: number(values.executionTimeout),
        retentionPeriodInDays: number(values.retentionPeriodInDays),
      },
    });
    if (!parsed.success) {
      setErrors(firstIssuePerField<keyof Values>(parsed.error.issues, 1));
      return;
    }
    const result = await update.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success("Durable settings saved", { description: "New executions use them." });
      setBaseRevision(result.data.RevisionId);
    } else setFormError(result.error);
  }

  const seconds = Number(values.executionTimeout);
  return (
    <SettingsSection
      id="durable"
      title={TITLE}
      description={DESCRIPTION}
      onSubmit={onSubmit}
      actions={
        <Button variant="ghost" size="sm" asChild>
          <Link href={routes.function(name, "durable-executions")}>Executions</Link>
        </Button>
      }
      footer={
        <SaveBar
          dirty={dirty}
          pending={update.isPending}
          onDiscard={() => {
            setValues(base);
            setErrors({});
            setFormError(undefined);
          }}
        />
      }
    >
      <div className="grid items-start gap-5 md:grid-cols-2">
        <DurableConfigField
          field="executionTimeout"
          id="durable-executionTimeout"
          value={values.executionTimeout}
          error={errors.executionTimeout}
          hint={`${Number.isInteger(seconds) && seconds > 0 ? `${formatSpanWords(seconds)}. ` : ""}Up to ${EXECUTION_TIMEOUT_RANGE.max.toLocaleString("en")} s (366 days).`}
          disabled={update.isPending}
          onChange={(v) => set("executionTimeout", v)}
        />
        <DurableConfigField
          field="retentionPeriodInDays"
          id="durable-retentionPeriodInDays"
          value={values.retentionPeriodInDays}
          error={errors.retentionPeriodInDays}
          hint={`${RETENTION_RANGE.min}–${RETENTION_RANGE.max} days after an execution ends.`}
          disabled={update.isPending}
          onChange={(v) => set("retentionPeriodInDays", v)}
        />
      </div>
      {formError ? <ErrorPanel error={formError} title="Could not save" className="mt-4" /> : null}
    </SettingsSection>
  );
}
