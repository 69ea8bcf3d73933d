"use client";

import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { ActionError } from "@/lib/actions/result";
import { CreateEventSourceMappingSchema, UpdateEventSourceMappingSchema } from "@/lib/esm-forms";
import { typeMember } from "@/lib/lambda-model/model";
import type { EventSourceMapping } from "@/lib/lambda-types";
import { useCreateEventSourceMapping, useUpdateEventSourceMapping } from "@/lib/queries/event-source-mappings";
import { functionsListOptions } from "@/lib/queries/functions";
import { cn } from "@/lib/utils";
import {
  emptyEsmForm,
  esmFormFromMapping,
  esmRequestFromForm,
  FIELD_OF_MEMBER,
  invalidFilterLines,
  SOURCE_LABEL,
  SOURCE_TYPES,
  SUPPORTS,
  type EsmForm,
  type EsmSourceType,
} from "./esm-form";

type Errors = Partial<Record<keyof EsmForm, string>>;
/** The form's free-text fields (what `text()` renders). */
type TextKey = { [K in keyof EsmForm]: string extends EsmForm[K] ? K : never }[keyof EsmForm];

const ACCESS_TYPES = typeMember("SourceAccessConfiguration", "Type").enum ?? ["BASIC_AUTH"];

/** Where an API refusal in prose belongs (the service words most per-source rules as sentences). */
function fieldOfMessage(message: string): keyof EsmForm | undefined {
  if (/batch window|batching window/i.test(message)) return "batchingWindow";
  if (/batch size/i.test(message)) return "batchSize";
  if (/StartingPositionTimestamp/.test(message)) return "startingTimestamp";
  if (/starting position/i.test(message)) return "startingPosition";
  if (/filter/i.test(message)) return "filters";
  if (/MaximumRecordAgeInSeconds/.test(message)) return "maximumRecordAge";
  if (/sourceAccessConfigurations/i.test(message)) return "sourceAccess";
  if (/Function does not exist/i.test(message)) return "functionName";
  return undefined;
}

function errorsFromIssues(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const member = String(issue.path[1] ?? issue.path[0] ?? "");
    const field = FIELD_OF_MEMBER[member];
    if (field) errors[field] ??= issue.message;
  }
  return errors;
}

const MEMBER_BY_LOWER = new Map(Object.keys(FIELD_OF_MEMBER).map((m) => [m.toLowerCase(), m]));

/** Create a mapping (no `mapping`) or edit one; the form shows only what the chosen source supports. */
export function EsmDialog({
  mapping,
  functionName,
  open,
  onOpenChange,
}: {
  mapping?: EventSourceMapping;
  /** The mapping's function as the form shows it (name, or name:qualifier). */
  functionName?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateEventSourceMapping();
  const update = useUpdateEventSourceMapping();
  const functions = useInfiniteQuery(functionsListOptions());
  const editing = mapping !== undefined;
  const [form, setForm] = useState<EsmForm>(() =>
    mapping ? esmFormFromMapping(mapping, functionName ?? "") : emptyEsmForm("sqs", functionName ?? ""),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = create.isPending || update.isPending;
  const t = form.sourceType;
  const names = functions.data?.pages.flatMap((p) => p.Functions.map((f) => f.FunctionName ?? "")) ?? [];

  function set<K extends keyof EsmForm>(key: K, value: EsmForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function chooseType(next: EsmSourceType) {
    setForm((f) => ({
      ...emptyEsmForm(next, f.functionName),
      eventSourceArn: "",
      enabled: f.enabled,
      filters: f.filters,
    }));
    setErrors({});
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const request = esmRequestFromForm(form, mapping?.UUID);
    const schema = editing ? UpdateEventSourceMappingSchema : CreateEventSourceMappingSchema;
    const parsed = schema.safeParse({ request });
    const next: Errors = parsed.success ? {} : errorsFromIssues(parsed.error.issues);
    if (!form.functionName.trim()) next.functionName = "Choose the function to invoke.";
    if (!editing && SUPPORTS.arn(t) && !form.eventSourceArn.trim()) next.eventSourceArn = "Enter the source's ARN.";
    if (!editing && t === "kafka" && !form.bootstrapServers.trim())
      next.bootstrapServers = "Enter at least one host:port.";
    if (!editing && SUPPORTS.topic(t) && !form.topic.trim()) next.topic = "Enter the topic to read.";
    if (!editing && SUPPORTS.queue(t) && !form.queue.trim()) next.queue = "Enter the queue to read.";
    const badFilters = invalidFilterLines(form.filters);
    if (badFilters.length > 0) next.filters = `Line ${badFilters.join(", ")}: each filter is a JSON object.`;
    if (Object.keys(next).length > 0 || !parsed.success) {
      setErrors(next);
      if (Object.keys(next).length === 0 && !parsed.success) {
        setFormError({ code: "ValidationError", message: parsed.error.issues[0]?.message ?? "Not valid." });
      }
      return;
    }
    const result = editing
      ? await update.mutateAsync({ request: parsed.data.request })
      : await create.mutateAsync({ request: parsed.data.request });
    if (result.ok) {
      toast.success(editing ? "Event source mapping saved" : "Event source mapping created", {
        description: `State: ${result.data.State ?? "Creating"}.`,
      });
      onOpenChange(false);
      return;
    }
    const server: Errors = {};
    for (const [key, message] of Object.entries(result.error.fieldErrors ?? {})) {
      const member = MEMBER_BY_LOWER.get(key.toLowerCase());
      const field = member ? FIELD_OF_MEMBER[member] : undefined;
      if (field) server[field] = message;
    }
    if (result.error.code === "ResourceConflictException" && !editing) {
      server[t === "kafka" ? "bootstrapServers" : "eventSourceArn"] = result.error.message;
    } else if (Object.keys(server).length === 0) {
      const field = fieldOfMessage(result.error.message);
      if (field) server[field] = result.error.message;
    }
    if (Object.keys(server).length > 0) setErrors(server);
    else setFormError(result.error);
  }

  const text = (
    key: TextKey,
    label: string,
    opts: {
      hint?: string;
      placeholder?: string;
      mono?: boolean;
      numeric?: boolean;
      disabled?: boolean;
      list?: string;
    } = {},
  ) => (
    <FormField id={`esm-${key}`} label={label} error={errors[key]} hint={opts.hint}>
      {(control) => (
        <Input
          {...control}
          autoComplete="off"
          spellCheck={false}
          type={opts.numeric ? "number" : "text"}
          inputMode={opts.numeric ? "numeric" : undefined}
          className={cn(opts.mono && MONO_FIELD, opts.numeric && "tabular")}
          placeholder={opts.placeholder}
          list={opts.list}
          value={form[key]}
          disabled={pending || opts.disabled}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );

  const toggle = (key: "enabled" | "bisectOnError" | "reportBatchItemFailures", label: string, hint: string) => (
    <div className="flex items-start gap-3">
      <Switch
        id={`esm-${key}`}
        checked={form[key]}
        disabled={pending}
        onCheckedChange={(v) => set(key, v)}
        className="mt-0.5"
      />
      <div className="space-y-0.5">
        <Label htmlFor={`esm-${key}`} className="font-normal">
          {label}
        </Label>
        <p className="text-muted-foreground text-xs">{hint}</p>
      </div>
    </div>
  );

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-5"
          aria-label={editing ? "Edit event source mapping" : "Create event source mapping"}
        >
          <DialogHeader>
            <DialogTitle>{editing ? "Edit event source mapping" : "Create event source mapping"}</DialogTitle>
            <DialogDescription>
              Lambda reads batches from the source and invokes the function with them.{" "}
              {editing ? "The source, starting position, topic and queue are fixed once created." : null}
            </DialogDescription>
          </DialogHeader>

          {editing ? (
            <p className="text-sm">
              <span className="text-muted-foreground">Source: </span>
              {SOURCE_LABEL[t]}
            </p>
          ) : (
            <div className="grid gap-2">
              <span id="esm-type-label" className="text-sm leading-none font-medium">
                Source
              </span>
              <RadioGroup
                aria-labelledby="esm-type-label"
                value={t}
                onValueChange={(v) => chooseType(v as EsmSourceType)}
                className="grid grid-cols-2 gap-2 sm:grid-cols-3"
                disabled={pending}
              >
                {SOURCE_TYPES.map((s) => (
                  <label
                    key={s.value}
                    className={cn(
                      "hover:bg-accent/40 flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm",
                      t === s.value && "border-primary/60 bg-accent/50",
                    )}
                  >
                    <RadioGroupItem value={s.value} aria-label={s.label} />
                    {s.label}
                  </label>
                ))}
              </RadioGroup>
            </div>
          )}

          <div className="grid items-start gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              {SUPPORTS.arn(t) ? (
                text("eventSourceArn", `${SOURCE_LABEL[t]} ARN`, {
                  placeholder: SOURCE_TYPES.find((s) => s.value === t)?.arnHint,
                  mono: true,
                  disabled: editing,
                })
              ) : (
                <FormField
                  id="esm-bootstrapServers"
                  label="Bootstrap servers"
                  error={errors.bootstrapServers}
                  hint="host:port, one per line or comma-separated (at most 10)."
                >
                  {(control) => (
                    <Textarea
                      {...control}
                      rows={2}
                      spellCheck={false}
                      className={MONO_FIELD}
                      placeholder="b-1.kafka.example.com:9092"
                      value={form.bootstrapServers}
                      disabled={pending || editing}
                      onChange={(e) => set("bootstrapServers", e.target.value)}
                    />
                  )}
                </FormField>
              )}
            </div>
            {text("functionName", "Function", {
              list: "esm-functions",
              mono: true,
              placeholder: "my-function or my-function:alias",
              hint: "A name, name:alias or name:version.",
            })}
            <datalist id="esm-functions">
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            {SUPPORTS.topic(t)
              ? text("topic", "Topic", { mono: true, disabled: editing, placeholder: "orders" })
              : null}
            {SUPPORTS.queue(t)
              ? text("queue", "Queue", { mono: true, disabled: editing, placeholder: "orders" })
              : null}
            {SUPPORTS.startingPosition(t) ? (
              <FormField id="esm-startingPosition" label="Starting position" error={errors.startingPosition}>
                {(control) => (
                  <Select
                    value={form.startingPosition || "LATEST"}
                    onValueChange={(v) => set("startingPosition", v as EsmForm["startingPosition"])}
                    disabled={pending || editing}
                  >
                    <SelectTrigger {...control} className="w-full font-mono text-xs">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="LATEST">LATEST — new records only</SelectItem>
                      <SelectItem value="TRIM_HORIZON">TRIM_HORIZON — oldest available</SelectItem>
                      {SUPPORTS.atTimestamp(t) ? <SelectItem value="AT_TIMESTAMP">AT_TIMESTAMP</SelectItem> : null}
                    </SelectContent>
                  </Select>
                )}
              </FormField>
            ) : null}
            {SUPPORTS.startingPosition(t) && form.startingPosition === "AT_TIMESTAMP" ? (
              <FormField
                id="esm-startingTimestamp"
                label="Start at (UTC)"
                error={errors.startingTimestamp}
                hint="A time in the past."
              >
                {(control) => (
                  <Input
                    {...control}
                    type="datetime-local"
                    value={form.startingTimestamp}
                    disabled={pending || editing}
                    onChange={(e) => set("startingTimestamp", e.target.value)}
                  />
                )}
              </FormField>
            ) : null}
          </div>

          <fieldset className="grid items-start gap-4 rounded-lg border p-4 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">Batching</legend>
            {text("batchSize", "Batch size", {
              numeric: true,
              placeholder: t === "sqs" ? "10" : "100",
              hint: t === "sqs" ? "1 – 10,000; over 10 needs a batching window. FIFO: at most 10." : "1 – 10,000.",
            })}
            {text("batchingWindow", "Batching window (seconds)", {
              numeric: true,
              placeholder: "0",
              hint: "0 – 300: how long to gather records before invoking.",
            })}
            {SUPPORTS.maximumConcurrency(t)
              ? text("maximumConcurrency", "Maximum concurrency", {
                  numeric: true,
                  placeholder: "No limit",
                  hint: "2 – 1,000 concurrent invocations from this queue.",
                })
              : null}
            {SUPPORTS.streamSettings(t)
              ? text("parallelizationFactor", "Batches per shard", { numeric: true, placeholder: "1", hint: "1 – 10." })
              : null}
            {SUPPORTS.streamSettings(t)
              ? text("tumblingWindow", "Tumbling window (seconds)", {
                  numeric: true,
                  placeholder: "0",
                  hint: "0 – 900, for aggregations across invocations.",
                })
              : null}
            {SUPPORTS.consumerGroup(t)
              ? text("consumerGroupId", "Consumer group ID (optional)", {
                  mono: true,
                  disabled: editing,
                  hint: "Defaults to the mapping's UUID.",
                })
              : null}
          </fieldset>

          {SUPPORTS.errorHandling(t) || SUPPORTS.reportBatchItemFailures(t) ? (
            <fieldset className="grid items-start gap-4 rounded-lg border p-4 sm:grid-cols-2">
              <legend className="px-1 text-sm font-medium">Errors</legend>
              {SUPPORTS.errorHandling(t)
                ? text("maximumRetryAttempts", "Retry attempts", {
                    numeric: true,
                    placeholder: "-1 (until the record expires)",
                    hint: "-1 – 10,000.",
                  })
                : null}
              {SUPPORTS.errorHandling(t)
                ? text("maximumRecordAge", "Maximum record age (seconds)", {
                    numeric: true,
                    placeholder: "-1 (infinite)",
                    hint: "-1, or 60 – 604,800.",
                  })
                : null}
              {SUPPORTS.errorHandling(t) ? (
                <div className="sm:col-span-2">
                  {text("onFailure", "On-failure destination (optional)", {
                    mono: true,
                    placeholder: "arn:aws:sqs:us-east-1:123456789012:failed-records",
                    hint: "An SQS queue, SNS topic or S3 bucket for records that kept failing.",
                  })}
                </div>
              ) : null}
              {SUPPORTS.errorHandling(t)
                ? toggle("bisectOnError", "Split batch on error", "Retry the two halves of a failing batch separately.")
                : null}
              {SUPPORTS.reportBatchItemFailures(t)
                ? toggle(
                    "reportBatchItemFailures",
                    "Report batch item failures",
                    "The function returns batchItemFailures; only those are retried.",
                  )
                : null}
            </fieldset>
          ) : null}

          {SUPPORTS.sourceAccess(t) ? (
            <fieldset className="grid gap-3 rounded-lg border p-4">
              <legend className="px-1 text-sm font-medium">
                {t === "mq" ? "Broker credentials" : "Authentication and network"}
              </legend>
              {form.sourceAccess.map((row, i) => (
                <div key={i} className="grid grid-cols-[12rem_minmax(0,1fr)_2.25rem] items-center gap-2">
                  <Select
                    value={row.type}
                    onValueChange={(v) =>
                      set(
                        "sourceAccess",
                        form.sourceAccess.map((r, j) => (j === i ? { ...r, type: v } : r)),
                      )
                    }
                    disabled={pending}
                  >
                    <SelectTrigger aria-label={`Type of access setting ${i + 1}`} className="w-full font-mono text-xs">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {ACCESS_TYPES.map((a) => (
                        <SelectItem key={a} value={a} className="font-mono text-xs">
                          {a}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Input
                    aria-label={`Secret, subnet or security group of access setting ${i + 1}`}
                    className={MONO_FIELD}
                    spellCheck={false}
                    placeholder="arn:aws:secretsmanager:us-east-1:123456789012:secret:broker"
                    value={row.uri}
                    disabled={pending}
                    onChange={(e) =>
                      set(
                        "sourceAccess",
                        form.sourceAccess.map((r, j) => (j === i ? { ...r, uri: e.target.value } : r)),
                      )
                    }
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    className="text-muted-foreground hover:text-destructive size-9"
                    aria-label={`Remove access setting ${i + 1}`}
                    disabled={pending}
                    onClick={() =>
                      set(
                        "sourceAccess",
                        form.sourceAccess.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <Trash2Icon aria-hidden />
                  </Button>
                </div>
              ))}
              <div className="flex items-center justify-between gap-3">
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  disabled={pending || form.sourceAccess.length >= 22}
                  onClick={() =>
                    set("sourceAccess", [...form.sourceAccess, { type: ACCESS_TYPES[0] ?? "BASIC_AUTH", uri: "" }])
                  }
                >
                  <PlusIcon aria-hidden /> Add setting
                </Button>
                {errors.sourceAccess ? <p className="text-destructive text-xs">{errors.sourceAccess}</p> : null}
              </div>
            </fieldset>
          ) : null}

          <FormField
            id="esm-filters"
            label="Filters (optional)"
            error={errors.filters}
            hint='One JSON pattern per line, at most 5, e.g. {"body":{"type":["order"]}}. Records that match none are dropped.'
          >
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                spellCheck={false}
                className={MONO_FIELD}
                value={form.filters}
                disabled={pending}
                onChange={(e) => set("filters", e.target.value)}
              />
            )}
          </FormField>

          {toggle("enabled", "Enabled", "A disabled mapping keeps its settings but reads nothing.")}

          {formError ? (
            <ErrorPanel
              error={formError}
              title={editing ? "Could not save the mapping" : "Could not create the mapping"}
            />
          ) : null}

          <FormDialogFooter
            pending={pending}
            submitLabel={editing ? "Save mapping" : "Create mapping"}
            pendingLabel="Saving…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
