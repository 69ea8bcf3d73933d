"use client";

import { formatSpanWords } from "@/components/durable/duration-format";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { RETENTION_RANGE } from "@/lib/durable-forms";
import { DurableConfigField } from "./durable-config-field";

interface DurableValues {
  durable: boolean;
  executionTimeout: string;
  retentionPeriodInDays: string;
}
type Field = keyof DurableValues;

/**
 * The Create dialog's durable option: on/off, then DurableConfig's two numbers. Durable execution is
 * chosen at creation, so this lives here rather than on the Configuration tab.
 */
export function DurableFields({
  durable,
  executionTimeout,
  retentionPeriodInDays,
  errors,
  onToggle,
  onNumber,
}: {
  durable: boolean;
  executionTimeout: string;
  retentionPeriodInDays: string;
  errors: Partial<Record<Field, string>>;
  onToggle: (durable: boolean) => void;
  onNumber: (field: Exclude<Field, "durable">, value: string) => void;
}) {
  const seconds = Number(executionTimeout);
  const readable = Number.isInteger(seconds) && seconds >= 60 ? ` (${formatSpanWords(seconds)})` : "";
  return (
    <div className="rounded-lg border">
      <div className="flex items-start gap-3 px-3 py-2.5">
        <Switch
          id="create-durable"
          checked={durable}
          onCheckedChange={onToggle}
          aria-describedby="create-durable-hint"
          className="mt-0.5"
        />
        <div className="grid gap-0.5">
          <Label htmlFor="create-durable">Durable execution</Label>
          <p id="create-durable-hint" className="text-muted-foreground text-xs">
            Steps are checkpointed; an execution can wait, retry and pause for callbacks for up to a year, then resume
            where it left off. Created on Node.js with the JavaScript durable SDK.
          </p>
        </div>
      </div>
      {durable ? (
        <div className="grid gap-4 border-t px-3 py-3 sm:grid-cols-2">
          <DurableConfigField
            field="executionTimeout"
            id="create-executionTimeout"
            value={executionTimeout}
            error={errors.executionTimeout}
            hint={`The whole execution, across its invocations${readable}. Up to 366 days.`}
            onChange={(v) => onNumber("executionTimeout", v)}
          />
          <DurableConfigField
            field="retentionPeriodInDays"
            id="create-retentionPeriodInDays"
            value={retentionPeriodInDays}
            error={errors.retentionPeriodInDays}
            hint={`How long a finished execution stays readable: ${RETENTION_RANGE.min}–${RETENTION_RANGE.max} days.`}
            onChange={(v) => onNumber("retentionPeriodInDays", v)}
          />
        </div>
      ) : null}
    </div>
  );
}
