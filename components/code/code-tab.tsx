"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ContainerIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { functionCodeOptions } from "@/lib/queries/code";
import { useFunction } from "@/lib/queries/use-function";
import { diffTrees, hasChanges } from "./code-tree";
import { CodeWorkspace } from "./code-workspace";
import { dropDraft, loadDraft } from "./workspace-state";

/**
 * The Code tab: downloads the deployed package (through the console server) and opens it in the
 * workspace. Image functions have no package to show. A draft from earlier in the session wins over the
 * download, so switching tabs never loses edits.
 */
export function CodeTab({ name }: { name: string }) {
  const { data } = useFunction(name);
  const config = data?.Configuration;
  // The hash the workspace was opened with; a reload (after someone else deployed) moves it on.
  const [loadedSha, setLoadedSha] = useState<string | undefined>(() => {
    // A draft without edits is only a cache: if the code was deployed from elsewhere since, start fresh.
    const draft = loadDraft(name);
    const clean = draft && !hasChanges(diffTrees(draft.baseline, draft.tree));
    if (draft && clean && config?.CodeSha256 && draft.baselineSha !== config.CodeSha256) {
      dropDraft(name);
      return undefined;
    }
    return draft?.baselineSha;
  });
  const [generation, setGeneration] = useState(0);
  const sha = loadedSha ?? config?.CodeSha256 ?? "";
  const hasDraft = Boolean(loadDraft(name));
  const zip = useQuery({
    ...functionCodeOptions(name, sha),
    enabled: Boolean(config) && !hasDraft && config?.PackageType !== "Image",
  });

  if (!config) return <CodeSkeleton />;
  if (config.PackageType === "Image") {
    return (
      <EmptyState
        icon={ContainerIcon}
        title="Container image functions have no inline code"
        description={
          <>
            <p>
              This function runs the container image{" "}
              <code className="font-mono text-xs break-all">{data?.Code?.ImageUri ?? "(unknown)"}</code>. Its code lives
              in the image: rebuild and push it, then point the function at it with UpdateFunctionCode (ImageUri).
            </p>
          </>
        }
      />
    );
  }
  if (!hasDraft && zip.isPending) return <CodeSkeleton label="Downloading the deployment package…" />;
  if (!hasDraft && zip.isError) {
    return (
      <ErrorPanel error={zip.error} title="Could not load the function's code" onRetry={() => void zip.refetch()} />
    );
  }
  return (
    <CodeWorkspace
      key={generation}
      name={name}
      config={config}
      deployedZip={zip.data ?? new Uint8Array()}
      deployedSha={sha}
      onReload={() => {
        dropDraft(name);
        setLoadedSha(config.CodeSha256);
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function CodeSkeleton({ label = "Loading the code…" }: { label?: string }) {
  return (
    <div className="space-y-3" role="status" aria-label={label}>
      <div className="flex items-center justify-between">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-8 w-96" />
      </div>
      <div className="grid h-[calc(100dvh-17.5rem)] min-h-[30rem] grid-cols-[16rem_1fr] overflow-hidden rounded-lg border">
        <div className="space-y-2 border-r p-3">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-28" />
        </div>
        <div className="text-muted-foreground flex items-center justify-center text-sm">{label}</div>
      </div>
    </div>
  );
}
