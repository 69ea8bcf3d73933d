"use client";

import { FormField } from "@/components/common/form-field";
import { Input } from "@/components/ui/input";
import { EXECUTION_TIMEOUT_RANGE, RETENTION_RANGE } from "@/lib/durable-forms";

const FIELDS = {
  executionTimeout: { label: "Execution timeout (seconds)", range: EXECUTION_TIMEOUT_RANGE },
  retentionPeriodInDays: { label: "History retention (days)", range: RETENTION_RANGE },
} as const;

export type DurableConfigFieldName = keyof typeof FIELDS;

/**
 * One of DurableConfig's two numbers, bounded by the API's range: the Create dialog sets them, the
 * Configuration tab edits them. Each place words its own hint.
 */
export function DurableConfigField({
  field,
  id,
  value,
  error,
  hint,
  disabled,
  onChange,
}: {
  field: DurableConfigFieldName;
  id: string;
  value: string;
  error: string | undefined;
  hint: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const { label, range } = FIELDS[field];
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <Input
          {...control}
          type="number"
          inputMode="numeric"
          min={range.min}
          max={range.max}
          step={1}
          className="tabular"
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
