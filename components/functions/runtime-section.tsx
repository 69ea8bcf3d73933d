"use client";

import { useState } from "react";
import { LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { SaveBar, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
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
import { RuntimeSettingsFormSchema } from "@/lib/function-forms";
import type { FunctionConfig } from "@/lib/lambda-types";
import { useUpdateArchitecture, useUpdateRuntimeSettings } from "@/lib/queries/functions";
import { useFunction } from "@/lib/queries/use-function";
import { runtimeGroups } from "./runtime-options";

const GROUPS = runtimeGroups();

type Arch = "x86_64" | "arm64";

/** Runtime and handler (UpdateFunctionConfiguration) and architecture (only UpdateFunctionCode takes it). */
export function RuntimeSection({ name }: { name: string }) {
  const { data } = useFunction(name);
  if (!data) {
    return (
      <SettingsSection id="runtime" title="Runtime settings" description={DESCRIPTION}>
        <SectionSkeleton />
      </SettingsSection>
    );
  }
  return <RuntimeForm name={name} config={data.Configuration} />;
}

const DESCRIPTION = "The language runtime, and the handler Lambda calls in your code.";

interface RuntimeValues {
  runtime: string;
  handler: string;
}

function RuntimeForm({ name, config }: { name: string; config: FunctionConfig }) {
  const update = useUpdateRuntimeSettings();
  const base = { runtime: config.Runtime ?? "", handler: config.Handler ?? "" };
  const [values, setValues] = useState<RuntimeValues>(base);
  const [baseRevision, setBaseRevision] = useState(config.RevisionId);
  const [errors, setErrors] = useState<Partial<Record<keyof RuntimeValues, string>>>({});
  const [formError, setFormError] = useState<ActionError | undefined>();

  const dirty = values.runtime !== base.runtime || values.handler !== base.handler;
  // Follow outside changes (a deploy, another tab) while the user has not edited anything.
  if (config.RevisionId !== baseRevision && !dirty && !update.isPending) {
    setBaseRevision(config.RevisionId);
    setValues(base);
  }
  const pending = update.isPending;
  const image = config.PackageType === "Image";
  const known = GROUPS.some((g) => g.runtimes.includes(values.runtime));

  function set<K extends keyof RuntimeValues>(key: K, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const input = {
      functionName: name,
      ...(config.RevisionId ? { revisionId: config.RevisionId } : {}),
      runtime: values.runtime,
      handler: values.handler.trim(),
    };
    const parsed = RuntimeSettingsFormSchema.safeParse(input);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof RuntimeValues;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    const result = await update.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success("Runtime settings saved");
      setBaseRevision(result.data.RevisionId);
      return;
    }
    const fields = result.error.fieldErrors ?? {};
    if (fields.runtime || fields.handler) setErrors({ runtime: fields.runtime, handler: fields.handler });
    else setFormError(result.error);
  }

  if (image) {
    return (
      <SettingsSection id="runtime" title="Runtime settings" description={DESCRIPTION}>
        <p className="text-muted-foreground text-sm">
          This function is a container image: its runtime and handler come from the image (CMD / ENTRYPOINT).
        </p>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection
      id="runtime"
      title="Runtime settings"
      description={DESCRIPTION}
      onSubmit={onSubmit}
      footer={
        <SaveBar
          dirty={dirty}
          pending={pending}
          onDiscard={() => {
            setValues(base);
            setErrors({});
            setFormError(undefined);
          }}
        />
      }
    >
      <div className="space-y-6">
        <div className="grid items-start gap-5 md:grid-cols-2">
          <FormField id="runtime-runtime" label="Runtime" error={errors.runtime}>
            {(control) => (
              <Select value={values.runtime} onValueChange={(v) => set("runtime", v)} disabled={pending}>
                <SelectTrigger {...control} className={`w-full ${MONO_FIELD}`}>
                  <SelectValue placeholder="Choose a runtime" />
                </SelectTrigger>
                <SelectContent>
                  {!known && values.runtime ? (
                    <SelectGroup>
                      <SelectLabel>Current (deprecated)</SelectLabel>
                      <SelectItem value={values.runtime} className="font-mono">
                        {values.runtime}
                      </SelectItem>
                    </SelectGroup>
                  ) : null}
                  {GROUPS.map((g) => (
                    <SelectGroup key={g.family}>
                      <SelectLabel>{g.label}</SelectLabel>
                      {g.runtimes.map((r) => (
                        <SelectItem key={r} value={r} className="font-mono">
                          {r}
                        </SelectItem>
                      ))}
                    </SelectGroup>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
          <FormField
            id="runtime-handler"
            label="Handler"
            error={errors.handler}
            hint="file.function, e.g. index.handler (Node.js) or lambda_function.lambda_handler (Python)."
          >
            {(control) => (
              <Input
                {...control}
                spellCheck={false}
                autoComplete="off"
                className={MONO_FIELD}
                value={values.handler}
                disabled={pending}
                onChange={(e) => set("handler", e.target.value)}
              />
            )}
          </FormField>
        </div>
        {formError ? <ErrorPanel error={formError} title="Could not save the runtime settings" /> : null}
      </div>
    </SettingsSection>
  );
}

/** The instruction set. Lambda takes it only with code (UpdateFunctionCode), so it is saved on its own. */
export function ArchitectureSection({ name }: { name: string }) {
  const { data } = useFunction(name);
  const config = data?.Configuration;
  const changeArch = useUpdateArchitecture();
  const currentArch = (config?.Architectures?.[0] ?? "x86_64") as Arch;
  const [chosen, setArch] = useState<Arch | undefined>();
  const arch = chosen ?? currentArch;
  const [archError, setArchError] = useState<ActionError | undefined>();

  async function onChangeArchitecture() {
    setArchError(undefined);
    const result = await changeArch.mutateAsync({
      functionName: name,
      architecture: arch,
      ...(config?.RevisionId ? { revisionId: config.RevisionId } : {}),
    });
    if (result.ok) {
      toast.success(`Architecture changed to ${arch}`, { description: "The code was redeployed as is." });
      setArch(undefined);
    } else setArchError(result.error);
  }

  return (
    <SettingsSection
      id="architecture"
      title="Architecture"
      description="The instruction set the code runs on. Lambda takes it only with code, so a change uploads the deployed package again, unchanged; native dependencies must match."
    >
      {!config ? (
        <SectionSkeleton rows={2} />
      ) : (
        <div className="grid gap-3">
          <RadioGroup
            aria-label="Architecture"
            value={arch}
            onValueChange={(v) => setArch(v as Arch)}
            className="flex flex-wrap gap-6"
            disabled={changeArch.isPending}
          >
            {(
              [
                ["x86_64", "x86_64", "Intel/AMD"],
                ["arm64", "arm64", "AWS Graviton, usually cheaper per ms"],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className="flex cursor-pointer items-center gap-2 text-sm">
                <RadioGroupItem value={value} aria-label={label} />
                <span className="font-mono">{label}</span>
                <span className="text-muted-foreground text-xs">{hint}</span>
              </label>
            ))}
          </RadioGroup>
          <div className="flex justify-end">
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={arch === currentArch || changeArch.isPending}
              onClick={() => void onChangeArchitecture()}
            >
              {changeArch.isPending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
              {changeArch.isPending ? "Changing…" : "Change architecture"}
            </Button>
          </div>
          {archError ? <ErrorPanel error={archError} title="Could not change the architecture" /> : null}
        </div>
      )}
    </SettingsSection>
  );
}
