"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { LabeledSlider } from "@/components/common/labeled-slider";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { ActionError } from "@/lib/actions/result";
import { AliasFormSchema } from "@/lib/alias-forms";
import type { AliasSummary, VersionSummary } from "@/lib/lambda-types";
import { useCreateAlias, useUpdateAlias } from "@/lib/queries/qualifiers";
import { RoutingBar } from "./routing-bar";
import { routingFormFromWeights, routingShares, weightsFromRoutingForm, type RoutingForm } from "./routing-weights";

interface Values {
  name: string;
  functionVersion: string;
  description: string;
  routing: RoutingForm;
}

type Field = "name" | "functionVersion" | "description" | "routing";
type Errors = Partial<Record<Field, string>>;

function initial(alias: AliasSummary | undefined, versions: VersionSummary[]): Values {
  if (alias) {
    return {
      name: alias.Name,
      functionVersion: alias.FunctionVersion,
      description: alias.Description ?? "",
      routing: routingFormFromWeights(alias.AdditionalVersionWeights),
    };
  }
  const newest = versions.filter((v) => v.Version !== "$LATEST").at(-1);
  return {
    name: "",
    functionVersion: newest?.Version ?? "$LATEST",
    description: "",
    routing: routingFormFromWeights(undefined),
  };
}

function fieldOf(key: string): Field | undefined {
  if (key === "name" || key === "functionVersion" || key === "description") return key;
  if (key === "additionalVersionWeights" || key === "routingConfig") return "routing";
  return undefined;
}

/** API refusals that belong to one field, so the message appears where the fix is. */
function serverErrors(error: ActionError): { fields: Errors; rest: boolean } {
  const fields: Errors = {};
  for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = fieldOf(key);
    if (field) fields[field] ??= message;
  }
  if (error.code === "ResourceConflictException" && /already exists/i.test(error.message)) {
    fields.name = "An alias with this name already exists.";
  } else if (error.code === "ResourceNotFoundException") {
    fields.functionVersion = error.message;
  } else if (
    error.code === "InvalidParameterValueException" &&
    /routing|AdditionalVersionWeights|more than 1 version/i.test(error.message)
  ) {
    fields.routing = error.message;
  }
  return { fields, rest: Object.keys(fields).length === 0 };
}

/** Create (no `alias`) or edit an alias: its version, description and an optional weighted second version. */
export function AliasDialog({
  name,
  alias,
  versions,
  open,
  onOpenChange,
}: {
  name: string;
  alias?: AliasSummary;
  versions: VersionSummary[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateAlias();
  const update = useUpdateAlias();
  const editing = alias !== undefined;
  const [values, setValues] = useState(() => initial(alias, versions));
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Errors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = create.isPending || update.isPending;

  const published = versions
    .filter((v) => v.Version !== "$LATEST")
    .sort((a, b) => Number(b.Version) - Number(a.Version));
  const choices = [...published, ...versions.filter((v) => v.Version === "$LATEST")];
  const extraChoices = published.filter((v) => v.Version !== values.functionVersion);
  const canRoute = values.functionVersion !== "$LATEST" && extraChoices.length > 0;

  const input = {
    functionName: name,
    name: values.name.trim(),
    functionVersion: values.functionVersion,
    ...(values.description.trim() ? { description: values.description.trim() } : {}),
    additionalVersionWeights: weightsFromRoutingForm(values.routing),
    ...(editing && alias.RevisionId ? { revisionId: alias.RevisionId } : {}),
  };

  const client: Errors = {};
  if (submitted) {
    const parsed = AliasFormSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(String(issue.path[0] ?? ""));
        if (field) client[field] ??= issue.message;
      }
    }
    if (values.routing.enabled && !values.routing.additionalVersion)
      client.routing ??= "Choose the additional version.";
  }
  const errors: Errors = { ...client, ...server };

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // The additional version can never be the primary one.
      if (key === "functionVersion" && next.routing.additionalVersion === value) {
        next.routing = { ...next.routing, additionalVersion: "" };
      }
      return next;
    });
    setServer((e) => {
      const next = { ...e };
      delete next[key as Field];
      return next;
    });
  }

  function setRouting(patch: Partial<RoutingForm>) {
    set("routing", { ...values.routing, ...patch });
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    const parsed = AliasFormSchema.safeParse(input);
    if (!parsed.success || (values.routing.enabled && !values.routing.additionalVersion)) return;
    const result = editing ? await update.mutateAsync(parsed.data) : await create.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(editing ? `Saved alias ${result.data.Name}` : `Created alias ${result.data.Name}`);
      onOpenChange(false);
      return;
    }
    const { fields, rest } = serverErrors(result.error);
    setServer(fields);
    if (rest) setFormError(result.error);
  }

  const shares = routingShares(values.functionVersion, weightsFromRoutingForm(values.routing));
  const versionLabel = (v: VersionSummary) =>
    v.Version === "$LATEST" ? "$LATEST (unpublished)" : `${v.Version}${v.Description ? ` — ${v.Description}` : ""}`;

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-lg">
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-5"
          aria-label={editing ? "Edit alias" : "Create alias"}
        >
          <DialogHeader>
            <DialogTitle>{editing ? `Edit alias ${alias.Name}` : "Create alias"}</DialogTitle>
            <DialogDescription>
              An alias is a stable name (like prod) for a version. Callers invoke the alias; you move it between
              versions without changing them.
            </DialogDescription>
          </DialogHeader>

          {editing ? null : (
            <FormField
              id="alias-name"
              label="Name"
              error={errors.name}
              hint="Letters, digits, - and _; not only digits."
            >
              {(control) => (
                <Input
                  {...control}
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  className={MONO_FIELD}
                  placeholder="prod"
                  value={values.name}
                  disabled={pending}
                  onChange={(e) => set("name", e.target.value)}
                />
              )}
            </FormField>
          )}

          <FormField
            id="alias-version"
            label="Version"
            error={errors.functionVersion}
            hint={published.length === 0 ? "Publish a version to point the alias at a frozen snapshot." : undefined}
          >
            {(control) => (
              <Select
                value={values.functionVersion}
                onValueChange={(v) => set("functionVersion", v)}
                disabled={pending}
              >
                <SelectTrigger {...control} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {choices.map((v) => (
                    <SelectItem key={v.Version} value={v.Version}>
                      <span className="truncate">{versionLabel(v)}</span>
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>

          <FormField id="alias-description" label="Description (optional)" error={errors.description}>
            {(control) => (
              <Input
                {...control}
                value={values.description}
                placeholder="What callers of this alias get"
                disabled={pending}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </FormField>

          <fieldset className="bg-muted/30 grid gap-4 rounded-lg border p-4" aria-describedby="alias-routing-hint">
            <div className="flex items-start justify-between gap-4">
              <div className="space-y-0.5">
                <Label htmlFor="alias-routing" className="text-sm font-medium">
                  Weighted routing
                </Label>
                <p id="alias-routing-hint" className="text-muted-foreground text-xs">
                  {canRoute || values.routing.enabled
                    ? "Send a share of this alias's traffic to a second version: a canary, or a gradual rollout."
                    : values.functionVersion === "$LATEST"
                      ? "Routing needs the alias to point at a published version."
                      : "Publish another version to split traffic between two."}
                </p>
              </div>
              <Switch
                id="alias-routing"
                checked={values.routing.enabled}
                disabled={pending || (!canRoute && !values.routing.enabled)}
                onCheckedChange={(enabled) =>
                  setRouting({
                    enabled,
                    additionalVersion: values.routing.additionalVersion || (extraChoices[0]?.Version ?? ""),
                  })
                }
              />
            </div>

            {values.routing.enabled ? (
              <>
                <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
                  <FormField id="alias-extra-version" label="Additional version">
                    {(control) => (
                      <Select
                        value={values.routing.additionalVersion}
                        onValueChange={(v) => setRouting({ additionalVersion: v })}
                        disabled={pending}
                      >
                        <SelectTrigger {...control} className="w-full">
                          <SelectValue placeholder="Choose a version" />
                        </SelectTrigger>
                        <SelectContent>
                          {extraChoices.map((v) => (
                            <SelectItem key={v.Version} value={v.Version}>
                              <span className="truncate">{versionLabel(v)}</span>
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    )}
                  </FormField>
                  <FormField id="alias-weight" label="Weight (%)">
                    {(control) => (
                      <Input
                        {...control}
                        type="number"
                        inputMode="decimal"
                        min={0}
                        max={100}
                        step={1}
                        className="tabular"
                        value={values.routing.percent}
                        disabled={pending}
                        onChange={(e) => {
                          const n = Number(e.target.value);
                          if (Number.isFinite(n)) setRouting({ percent: Math.min(100, Math.max(0, n)) });
                        }}
                      />
                    )}
                  </FormField>
                </div>
                <LabeledSlider
                  label="Weight of the additional version"
                  value={values.routing.percent}
                  valueText={`${values.routing.percent}%`}
                  disabled={pending}
                  onValueChange={(percent) => setRouting({ percent })}
                />
                <RoutingBar shares={shares} wide />
              </>
            ) : null}
            {errors.routing ? (
              <p role="alert" className="text-destructive text-xs">
                {errors.routing}
              </p>
            ) : null}
          </fieldset>

          {formError ? (
            <ErrorPanel error={formError} title={editing ? "Could not save the alias" : "Could not create the alias"} />
          ) : null}

          <FormDialogFooter
            pending={pending}
            submitLabel={editing ? "Save alias" : "Create alias"}
            pendingLabel="Saving…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
