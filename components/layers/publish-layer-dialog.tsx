"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { ZipPicker } from "@/components/common/zip-picker";
import { FAMILY_LABEL } from "@/components/functions/runtime-options";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import { firstIssuePerField } from "@/lib/form-errors";
import { LAYER_LIMITS, PublishLayerVersionFormSchema } from "@/lib/layer-forms";
import { CURRENT_RUNTIMES, runtimeFamily, type RuntimeFamily } from "@/lib/lambda-model/runtimes";
import type { LayerVersionSummary } from "@/lib/lambda-types";
import { usePublishLayerVersion } from "@/lib/queries/layers";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

type Field = "layerName" | "zip" | "description" | "compatibleRuntimes" | "compatibleArchitectures" | "licenseInfo";
type Errors = Partial<Record<Field, string>>;

const FAMILIES = [...new Set(CURRENT_RUNTIMES.map((r) => runtimeFamily(r)))] as RuntimeFamily[];

/**
 * PublishLayerVersion from a zip: a new layer (name given here) or the next version of `layerName`.
 * Runtimes and architectures start from the previous version's, since most versions keep them.
 */
export function PublishLayerDialog({
  layerName,
  previous,
  open,
  onOpenChange,
}: {
  /** Publishing a new version of this layer; undefined creates a layer. */
  layerName?: string;
  previous?: LayerVersionSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const publish = usePublishLayerVersion();
  const [name, setName] = useState(layerName ?? "");
  const [zip, setZip] = useState<File | undefined>();
  const [description, setDescription] = useState(previous?.Description ?? "");
  const [runtimes, setRuntimes] = useState<string[]>(previous?.CompatibleRuntimes ?? []);
  const [arches, setArches] = useState<string[]>(previous?.CompatibleArchitectures ?? []);
  const [license, setLicense] = useState(previous?.LicenseInfo ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ActionError | undefined>();
  const pending = publish.isPending;

  function clear(field: Field) {
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function toggle(list: string[], value: string, on: boolean) {
    return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = PublishLayerVersionFormSchema.safeParse({
      layerName: name.trim(),
      zip,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(runtimes.length ? { compatibleRuntimes: runtimes } : {}),
      ...(arches.length ? { compatibleArchitectures: arches } : {}),
      ...(license.trim() ? { licenseInfo: license.trim() } : {}),
    });
    if (!parsed.success) {
      setErrors(firstIssuePerField<Field>(parsed.error.issues));
      return;
    }
    const result = await publish.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success(`Published ${parsed.data.layerName} version ${result.data.Version}`);
      onOpenChange(false);
      if (!layerName) router.push(routes.layer(parsed.data.layerName));
      return;
    }
    const next: Errors = {};
    for (const [key, message] of Object.entries(result.error.fieldErrors ?? {})) {
      if (key === "content") next.zip = message;
      else if (
        key in { layerName: 1, description: 1, compatibleRuntimes: 1, compatibleArchitectures: 1, licenseInfo: 1 }
      )
        next[key as Field] = message;
    }
    if (/unzip|zip/i.test(result.error.message) && result.error.code === "InvalidParameterValueException")
      next.zip = result.error.message;
    if (Object.keys(next).length > 0) setErrors(next);
    else setFormError(result.error);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Publish layer version">
          <DialogHeader>
            <DialogTitle>{layerName ? `Publish a new version of ${layerName}` : "Create layer"}</DialogTitle>
            <DialogDescription>
              A layer version is an immutable zip that functions extract into /opt. Put Node.js modules under
              nodejs/node_modules, Python packages under python/.
            </DialogDescription>
          </DialogHeader>

          {layerName ? null : (
            <FormField id="layer-name" label="Name" error={errors.layerName} hint="Letters, digits, - and _.">
              {(control) => (
                <Input
                  {...control}
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  className={MONO_FIELD}
                  placeholder="shared-utils"
                  value={name}
                  disabled={pending}
                  onChange={(e) => {
                    setName(e.target.value);
                    clear("layerName");
                  }}
                />
              )}
            </FormField>
          )}

          <ZipPicker
            label="Layer content (.zip)"
            file={zip}
            onChange={(f) => {
              setZip(f);
              clear("zip");
            }}
            error={errors.zip}
            disabled={pending}
            maxBytes={LAYER_LIMITS.zipMaxBytes}
          />

          <FormField id="layer-description" label="Description (optional)" error={errors.description}>
            {(control) => (
              <Input
                {...control}
                value={description}
                disabled={pending}
                placeholder="What this version contains"
                onChange={(e) => {
                  setDescription(e.target.value);
                  clear("description");
                }}
              />
            )}
          </FormField>

          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm leading-none font-medium">
              Compatible runtimes <span className="text-muted-foreground font-normal">(optional, at most 15)</span>
            </legend>
            <div className="grid gap-x-6 gap-y-2 rounded-lg border p-3 sm:grid-cols-3">
              {FAMILIES.map((family) => (
                <div key={family} className="space-y-1.5">
                  <p className="text-muted-foreground text-xs">{FAMILY_LABEL[family]}</p>
                  {CURRENT_RUNTIMES.filter((r) => runtimeFamily(r) === family).map((r) => (
                    <label key={r} className="flex items-center gap-2 font-mono text-xs">
                      <Checkbox
                        checked={runtimes.includes(r)}
                        disabled={pending}
                        aria-label={r}
                        onCheckedChange={(on) => {
                          setRuntimes(toggle(runtimes, r, on === true));
                          clear("compatibleRuntimes");
                        }}
                      />
                      {r}
                    </label>
                  ))}
                </div>
              ))}
            </div>
            <p className={cn("text-xs", errors.compatibleRuntimes ? "text-destructive" : "text-muted-foreground")}>
              {errors.compatibleRuntimes ??
                "Only shown as a hint to people choosing the layer; Lambda does not enforce it."}
            </p>
          </fieldset>

          <div className="grid gap-5 sm:grid-cols-2">
            <fieldset className="grid content-start gap-2">
              <legend className="mb-2 text-sm leading-none font-medium">
                Compatible architectures <span className="text-muted-foreground font-normal">(optional)</span>
              </legend>
              <div className="flex gap-5">
                {["x86_64", "arm64"].map((a) => (
                  <label key={a} className="flex items-center gap-2 font-mono text-xs">
                    <Checkbox
                      checked={arches.includes(a)}
                      disabled={pending}
                      aria-label={a}
                      onCheckedChange={(on) => setArches(toggle(arches, a, on === true))}
                    />
                    {a}
                  </label>
                ))}
              </div>
            </fieldset>
            <FormField
              id="layer-license"
              label="License (optional)"
              error={errors.licenseInfo}
              hint="An SPDX id like MIT, or a URL."
            >
              {(control) => (
                <Input
                  {...control}
                  value={license}
                  disabled={pending}
                  placeholder="MIT"
                  onChange={(e) => {
                    setLicense(e.target.value);
                    clear("licenseInfo");
                  }}
                />
              )}
            </FormField>
          </div>

          {formError ? <ErrorPanel error={formError} title="Could not publish the layer version" /> : null}

          <FormDialogFooter
            pending={pending}
            submitLabel={layerName ? "Publish version" : "Create layer"}
            pendingLabel="Publishing…"
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
