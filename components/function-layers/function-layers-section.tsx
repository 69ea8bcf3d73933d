"use client";

import { useState } from "react";
import Link from "next/link";
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { formatBytes } from "@/components/common/format-bytes";
import { SaveBar, SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/actions/result";
import { FUNCTION_LAYERS_MAX, FunctionLayersFormSchema } from "@/lib/function-forms";
import type { FunctionConfig } from "@/lib/lambda-types";
import { useUpdateFunctionLayers } from "@/lib/queries/functions";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { AddLayerDialog } from "./add-layer-dialog";
import { layerLabel, moveItem } from "./layer-list";

const ID = "layers";
const TITLE = "Layers";
const DESCRIPTION = `Shared code and data extracted into /opt, in this order (later layers overwrite earlier files). At most ${FUNCTION_LAYERS_MAX}.`;

export function FunctionLayersSection({ name }: { name: string }) {
  const { data } = useFunction(name);
  if (!data) {
    return (
      <SettingsSection id={ID} title={TITLE} description={DESCRIPTION}>
        <SectionSkeleton rows={2} />
      </SettingsSection>
    );
  }
  if (data.Configuration.PackageType === "Image") {
    return (
      <SettingsSection id={ID} title={TITLE} description={DESCRIPTION}>
        <p className="text-muted-foreground text-sm">
          Container image functions cannot use layers; add the files to the image.
        </p>
      </SettingsSection>
    );
  }
  const arns = (data.Configuration.Layers ?? []).flatMap((l) => (l.Arn ? [l.Arn] : []));
  return <LayersForm key={arns.join(",")} name={name} config={data.Configuration} saved={arns} />;
}

function LayersForm({ name, config, saved }: { name: string; config: FunctionConfig; saved: string[] }) {
  const update = useUpdateFunctionLayers();
  const [list, setList] = useState(saved);
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ActionError | undefined>();
  const dirty = list.join(",") !== saved.join(",");
  const sizes = new Map((config.Layers ?? []).map((l) => [l.Arn, l.CodeSize]));
  const full = list.length >= FUNCTION_LAYERS_MAX;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = FunctionLayersFormSchema.safeParse({
      functionName: name,
      ...(config.RevisionId ? { revisionId: config.RevisionId } : {}),
      layers: list,
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    const result = await update.mutateAsync(parsed.data);
    if (result.ok) toast.success(list.length === 0 ? "Layers removed" : "Layers saved");
    else if (result.error.fieldErrors?.layers) setError(result.error.fieldErrors.layers);
    else setFormError(result.error);
  }

  return (
    <SettingsSection
      id={ID}
      title={TITLE}
      description={DESCRIPTION}
      onSubmit={onSubmit}
      actions={
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={full || update.isPending}
          onClick={() => {
            setAddKey((k) => k + 1);
            setAdding(true);
          }}
        >
          <PlusIcon aria-hidden /> Add a layer
        </Button>
      }
      footer={
        <SaveBar
          dirty={dirty}
          pending={update.isPending}
          onDiscard={() => {
            setList(saved);
            setError(undefined);
            setFormError(undefined);
          }}
        />
      }
    >
      <div className="space-y-3">
        {list.length === 0 ? (
          <p className="text-muted-foreground rounded-md border border-dashed px-4 py-5 text-center text-sm">
            No layers. Add one to share dependencies or a runtime extension between functions.
          </p>
        ) : (
          <ol aria-label="Function layers" className="divide-y rounded-md border">
            {list.map((arn, i) => {
              const label = layerLabel(arn);
              const size = sizes.get(arn);
              return (
                <li key={arn} className="flex items-center gap-3 px-3 py-2">
                  <span className="bg-muted text-muted-foreground flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-medium tabular">
                    {i + 1}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm">
                      <Link href={routes.layer(label.name)} className="text-primary font-medium hover:underline">
                        {label.name}
                      </Link>
                      {label.version !== undefined ? (
                        <span className="text-muted-foreground"> · version {label.version}</span>
                      ) : null}
                      {size !== undefined ? (
                        <span className="text-muted-foreground"> · {formatBytes(size)}</span>
                      ) : !saved.includes(arn) ? (
                        <span className="text-primary ml-1.5 text-xs font-medium">not saved</span>
                      ) : null}
                    </p>
                    <p className="text-muted-foreground truncate font-mono text-xs" title={arn}>
                      {arn}
                    </p>
                  </div>
                  <div className="flex shrink-0 items-center">
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon-sm"
                      className="text-muted-foreground size-7"
                      aria-label={`Move ${label.name} up`}
                      disabled={i === 0 || update.isPending}
                      onClick={() => setList(moveItem(list, i, i - 1))}
                    >
                      <ArrowUpIcon aria-hidden />
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon-sm"
                      className="text-muted-foreground size-7"
                      aria-label={`Move ${label.name} down`}
                      disabled={i === list.length - 1 || update.isPending}
                      onClick={() => setList(moveItem(list, i, i + 1))}
                    >
                      <ArrowDownIcon aria-hidden />
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon-sm"
                      className="text-muted-foreground hover:text-destructive size-7"
                      aria-label={`Remove ${label.name}`}
                      disabled={update.isPending}
                      onClick={() => {
                        setList(list.filter((a) => a !== arn));
                        setError(undefined);
                      }}
                    >
                      <Trash2Icon aria-hidden />
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <p className="text-muted-foreground text-xs tabular">
          {list.length} of {FUNCTION_LAYERS_MAX} layers
        </p>
        {error ? (
          <p role="alert" className="text-destructive text-sm">
            {error}
          </p>
        ) : null}
        {formError ? <ErrorPanel error={formError} title="Could not save the layers" /> : null}
      </div>
      {adding ? (
        <AddLayerDialog
          key={addKey}
          open
          onOpenChange={setAdding}
          taken={list}
          runtime={config.Runtime}
          architecture={config.Architectures?.[0]}
          onAdd={(arn) => {
            setList([...list, arn]);
            setError(undefined);
          }}
        />
      ) : null}
    </SettingsSection>
  );
}
