"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { TriangleAlertIcon } from "lucide-react";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Segmented } from "@/components/common/segmented";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { inputMember } from "@/lib/lambda-model/model";
import { memberSchema } from "@/lib/lambda-model/validate";
import { layersOptions, layerVersionsOptions } from "@/lib/queries/layers";
import { compatibilityProblem } from "./layer-list";

const ArnSchema = memberSchema(inputMember("UpdateFunctionConfiguration", "Layers"));

/**
 * Picks a layer version for the function: one of the account's layers (newest version preselected), or
 * any layer version ARN (another account's public layer). Adds it to the unsaved list; the section saves.
 */
export function AddLayerDialog({
  open,
  onOpenChange,
  onAdd,
  taken,
  runtime,
  architecture,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdd: (arn: string) => void;
  /** ARNs already in the list (a layer version can be added once). */
  taken: string[];
  runtime: string | undefined;
  architecture: string | undefined;
}) {
  const layers = useQuery(layersOptions());
  const [source, setSource] = useState<"account" | "arn">("account");
  const [layerName, setLayerName] = useState("");
  const [chosenVersion, setVersion] = useState("");
  const [arn, setArn] = useState("");
  const [error, setError] = useState<string | undefined>();
  const versions = useQuery({ ...layerVersionsOptions(layerName), enabled: layerName !== "" });
  const versionList = versions.data ?? [];
  const version = chosenVersion || (versionList[0] ? String(versionList[0].Version) : "");
  const selected = versionList.find((v) => String(v.Version) === version);
  const warning = selected ? compatibilityProblem(selected, runtime, architecture) : undefined;
  const noLayers = layers.isSuccess && layers.data.length === 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // The dialog is portalled out of the section's form in the DOM, but React still bubbles its submit there.
    event.stopPropagation();
    const value = source === "account" ? selected?.LayerVersionArn : arn.trim();
    if (!value) {
      setError(source === "account" ? "Choose a layer and a version." : "Enter a layer version ARN.");
      return;
    }
    if (!ArnSchema.safeParse([value]).success) {
      setError("Layer version ARNs look like arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3.");
      return;
    }
    if (taken.includes(value)) {
      setError("This layer version is already in the list.");
      return;
    }
    onAdd(value);
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg">
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Add a layer">
          <DialogHeader>
            <DialogTitle>Add a layer</DialogTitle>
            <DialogDescription>
              Layers are extracted into /opt before the function starts, in list order. Save the section to apply.
            </DialogDescription>
          </DialogHeader>
          <Segmented
            label="Layer source"
            className="w-fit"
            value={source}
            onValueChange={(v) => {
              setSource(v);
              setError(undefined);
            }}
            options={[
              { value: "account", label: "Layers in this account" },
              { value: "arn", label: "Specify an ARN" },
            ]}
          />
          {source === "account" ? (
            noLayers ? (
              <p className="text-muted-foreground rounded-md border border-dashed px-4 py-4 text-sm">
                No layers in this region yet. Publish one on the Layers page, or specify another account&apos;s layer by
                ARN.
              </p>
            ) : (
              <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
                <FormField id="add-layer-name" label="Layer">
                  {(control) => (
                    <Select
                      value={layerName}
                      onValueChange={(v) => {
                        setLayerName(v);
                        setVersion("");
                        setError(undefined);
                      }}
                    >
                      <SelectTrigger {...control} className="w-full">
                        <SelectValue placeholder={layers.isPending ? "Loading layers…" : "Choose a layer"} />
                      </SelectTrigger>
                      <SelectContent>
                        {(layers.data ?? []).map((l) => (
                          <SelectItem key={l.LayerName} value={l.LayerName}>
                            {l.LayerName}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                </FormField>
                <FormField id="add-layer-version" label="Version">
                  {(control) => (
                    <Select value={version} onValueChange={setVersion} disabled={versionList.length === 0}>
                      <SelectTrigger {...control} className="w-full">
                        <SelectValue placeholder="—" />
                      </SelectTrigger>
                      <SelectContent>
                        {versionList.map((v) => (
                          <SelectItem key={v.Version} value={String(v.Version)}>
                            {v.Version}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                </FormField>
                {selected?.Description ? (
                  <p className="text-muted-foreground -mt-2 text-xs sm:col-span-2">{selected.Description}</p>
                ) : null}
              </div>
            )
          ) : (
            <FormField id="add-layer-arn" label="Layer version ARN">
              {(control) => (
                <Input
                  {...control}
                  spellCheck={false}
                  autoComplete="off"
                  className={MONO_FIELD}
                  placeholder="arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3"
                  value={arn}
                  onChange={(e) => {
                    setArn(e.target.value);
                    setError(undefined);
                  }}
                />
              )}
            </FormField>
          )}
          {warning ? (
            <p className="text-warning flex items-start gap-2 text-xs">
              <TriangleAlertIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              {warning} Lambda does not check; the code may fail to load.
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit">Add</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
