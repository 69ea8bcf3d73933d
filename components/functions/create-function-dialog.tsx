"use client";

import { MONO_FIELD } from "@/components/common/mono-field";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
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
import { DURABLE_DEFAULTS, DURABLE_RUNTIMES, isDurableRuntime } from "@/lib/durable-forms";
import { CreateFunctionFormSchema, MEMORY_RANGE_MB } from "@/lib/function-forms";
import { defaultHandler } from "@/lib/lambda-model/runtimes";
import { useCreateFunction } from "@/lib/queries/functions";
import { routes } from "@/lib/routes";
import { DurableFields } from "./durable-fields";
import { hasRunnableStarter, runtimeGroups } from "./runtime-options";

interface Values {
  functionName: string;
  runtime: string;
  handler: string;
  architecture: "x86_64" | "arm64";
  memorySize: string;
  timeout: string;
  role: string;
  description: string;
  durable: boolean;
  executionTimeout: string;
  retentionPeriodInDays: string;
}

type Errors = Partial<Record<keyof Values, string>>;

const GROUPS = runtimeGroups();
const DURABLE_GROUPS = [{ family: "nodejs", label: "Node.js", runtimes: [...DURABLE_RUNTIMES] }];

function initialValues(defaultRuntime: string, defaultRole: string, durable: boolean): Values {
  const runtime = durable && !isDurableRuntime(defaultRuntime) ? DURABLE_RUNTIMES[0] : defaultRuntime;
  return {
    functionName: "",
    runtime,
    handler: defaultHandler(runtime),
    architecture: "x86_64",
    memorySize: "128",
    timeout: "3",
    role: defaultRole,
    description: "",
    durable,
    executionTimeout: String(DURABLE_DEFAULTS.executionTimeout),
    retentionPeriodInDays: String(DURABLE_DEFAULTS.retentionPeriodInDays),
  };
}

/** An empty box is "no number", which the schemas word as "Enter …". */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

function toInput(v: Values) {
  return {
    functionName: v.functionName.trim(),
    runtime: v.runtime,
    handler: v.handler.trim(),
    architecture: v.architecture,
    memorySize: numberOf(v.memorySize),
    timeout: numberOf(v.timeout),
    role: v.role.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    ...(v.durable
      ? {
          durableConfig: {
            executionTimeout: numberOf(v.executionTimeout),
            retentionPeriodInDays: numberOf(v.retentionPeriodInDays),
          },
        }
      : {}),
  };
}

function clientErrors(v: Values): Errors {
  const parsed = CreateFunctionFormSchema.safeParse(toInput(v));
  if (parsed.success) return {};
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    // DurableConfig's fields have their own boxes: durableConfig.executionTimeout → executionTimeout.
    const key = (issue.path[0] === "durableConfig" ? issue.path[1] : issue.path[0]) as keyof Values | undefined;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

/** Server errors that belong to a field: API validation messages, and "already exists" for the name. */
function serverFieldErrors(error: ActionError): Errors {
  const errors: Errors = { ...(error.fieldErrors as Errors | undefined) };
  if (error.code === "ResourceConflictException" && /already exist/i.test(error.message)) {
    errors.functionName = "A function with this name already exists.";
  }
  return errors;
}

export function CreateFunctionDialog({
  open,
  onOpenChange,
  defaultRuntime,
  defaultRole,
  roleRequired,
  initialDurable = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  defaultRuntime: string;
  defaultRole: string;
  /** Against AWS there is no universal role: the user must name one. */
  roleRequired: boolean;
  /** Opens with the Durable option on (`/functions?create=durable`). */
  initialDurable?: boolean;
}) {
  const router = useRouter();
  const create = useCreateFunction();
  const [values, setValues] = useState(() => initialValues(defaultRuntime, defaultRole, initialDurable));
  const [handlerEdited, setHandlerEdited] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();

  const errors: Errors = { ...(submitted ? clientErrors(values) : {}), ...serverErrors };

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Durable execution runs on some Node.js runtimes only; turning it on picks one if needed.
      if (key === "durable" && value === true && !isDurableRuntime(next.runtime)) next.runtime = DURABLE_RUNTIMES[0];
      // The handler follows the runtime until the user types their own.
      if ((key === "runtime" || key === "durable") && !handlerEdited) next.handler = defaultHandler(next.runtime);
      return next;
    });
    // A server message is about the value it rejected; editing the field retires it.
    setServerErrors((e) => {
      const next = { ...e };
      delete next[key];
      return next;
    });
  }

  function reset() {
    setValues(initialValues(defaultRuntime, defaultRole, initialDurable));
    setHandlerEdited(false);
    setSubmitted(false);
    setServerErrors({});
    setFormError(undefined);
    create.reset();
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    const problems = clientErrors(values);
    if (Object.keys(problems).length > 0) {
      document.getElementById(`create-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    const result = await create.mutateAsync(CreateFunctionFormSchema.parse(toInput(values)));
    if (result.ok) {
      const name = result.data.FunctionName ?? values.functionName;
      toast.success(`Created ${name}`, {
        description: values.durable
          ? "Lambda is preparing it; start an execution from its Durable executions tab in a moment."
          : "Lambda is preparing it; you can test it in a moment.",
      });
      onOpenChange(false);
      reset();
      router.push(routes.function(name, values.durable ? "durable-executions" : "overview"));
      return;
    }
    const fieldErrors = serverFieldErrors(result.error);
    setServerErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setFormError(result.error);
  }

  const pending = create.isPending;
  const runnable = hasRunnableStarter(values.runtime);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Create function</DialogTitle>
          <DialogDescription>
            {values.durable
              ? "Starts with a durable handler — two steps and a short wait — you can run right away."
              : "Starts with a “hello world” handler you can test right away."}
          </DialogDescription>
        </DialogHeader>
        <form id="create-function-form" noValidate onSubmit={onSubmit} className="grid gap-4">
          <FormField
            id="create-functionName"
            label="Function name"
            error={errors.functionName}
            hint="Letters, numbers, hyphens and underscores; up to 64 characters."
          >
            {(control) => (
              <Input
                {...control}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                placeholder="my-function"
                value={values.functionName}
                onChange={(e) => set("functionName", e.target.value)}
              />
            )}
          </FormField>

          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="create-runtime"
              label="Runtime"
              error={errors.runtime}
              hint={runnable ? undefined : "No starter code for this runtime: upload a built package after creating."}
            >
              {(control) => (
                // Radix renders a hidden native <select> beside the trigger; the wrapper keeps it out of the grid.
                <div>
                  <Select value={values.runtime} onValueChange={(v) => set("runtime", v)}>
                    <SelectTrigger {...control} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {(values.durable ? DURABLE_GROUPS : GROUPS).map((group) => (
                        <SelectGroup key={group.family}>
                          <SelectLabel>{group.label}</SelectLabel>
                          {group.runtimes.map((runtime) => (
                            <SelectItem key={runtime} value={runtime}>
                              {runtime}
                            </SelectItem>
                          ))}
                        </SelectGroup>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
              )}
            </FormField>
            <div className="grid gap-1.5">
              <Label id="create-architecture-label">Architecture</Label>
              <RadioGroup
                aria-labelledby="create-architecture-label"
                value={values.architecture}
                onValueChange={(v) => set("architecture", v as Values["architecture"])}
                className="grid-cols-2"
              >
                {(["x86_64", "arm64"] as const).map((arch) => (
                  <Label
                    key={arch}
                    htmlFor={`create-arch-${arch}`}
                    className="has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-accent/60 flex h-9 cursor-pointer items-center gap-2.5 rounded-md border px-3 font-mono text-[0.8125rem] font-normal"
                  >
                    <RadioGroupItem id={`create-arch-${arch}`} value={arch} />
                    {arch}
                  </Label>
                ))}
              </RadioGroup>
            </div>
          </div>

          <FormField
            id="create-handler"
            label="Handler"
            error={errors.handler}
            hint="The file and the exported function Lambda calls."
          >
            {(control) => (
              <Input
                {...control}
                spellCheck={false}
                className={MONO_FIELD}
                value={values.handler}
                onChange={(e) => {
                  setHandlerEdited(true);
                  set("handler", e.target.value);
                }}
              />
            )}
          </FormField>

          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="create-memorySize"
              label="Memory (MB)"
              error={errors.memorySize}
              hint={`${MEMORY_RANGE_MB.min} – ${MEMORY_RANGE_MB.max} MB.`}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={MEMORY_RANGE_MB.min}
                  max={MEMORY_RANGE_MB.max}
                  step={1}
                  className="tabular"
                  value={values.memorySize}
                  onChange={(e) => set("memorySize", e.target.value)}
                />
              )}
            </FormField>
            <FormField id="create-timeout" label="Timeout (seconds)" error={errors.timeout} hint="1 – 900 seconds.">
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={900}
                  step={1}
                  className="tabular"
                  value={values.timeout}
                  onChange={(e) => set("timeout", e.target.value)}
                />
              )}
            </FormField>
          </div>

          <FormField
            id="create-role"
            label="Execution role ARN"
            error={errors.role}
            hint={
              roleRequired
                ? "An existing IAM role that Lambda can assume, e.g. arn:aws:iam::123456789012:role/my-role."
                : "The emulator accepts any well-formed role ARN."
            }
          >
            {(control) => (
              <Input
                {...control}
                spellCheck={false}
                className={MONO_FIELD}
                placeholder="arn:aws:iam::123456789012:role/my-role"
                value={values.role}
                onChange={(e) => set("role", e.target.value)}
              />
            )}
          </FormField>

          <DurableFields
            durable={values.durable}
            executionTimeout={values.executionTimeout}
            retentionPeriodInDays={values.retentionPeriodInDays}
            errors={errors}
            onToggle={(on) => set("durable", on)}
            onNumber={set}
          />

          <FormField id="create-description" label="Description (optional)" error={errors.description}>
            {(control) => (
              <Input
                {...control}
                placeholder="What this function does"
                value={values.description}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </FormField>

          {formError ? <ErrorPanel error={formError} title="Could not create the function" /> : null}
        </form>
        <FormDialogFooter
          pending={pending}
          submitLabel="Create function"
          pendingLabel="Creating…"
          onCancel={() => onOpenChange(false)}
          form="create-function-form"
        />
      </DialogContent>
    </Dialog>
  );
}
