"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { GitCommitVerticalIcon, UploadIcon } from "lucide-react";
import { CodeSha } from "@/components/common/code-sha";
import { DataCell, DataRow, DataTable, DescriptionCell } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { RefreshButton } from "@/components/common/refresh-button";
import { RelativeTime } from "@/components/common/relative-time";
import { SectionHeader } from "@/components/common/section-header";
import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";
import { Button } from "@/components/ui/button";
import type { VersionSummary } from "@/lib/lambda-types";
import { aliasesOptions, versionsOptions } from "@/lib/queries/qualifiers";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { AliasChips } from "./alias-chips";
import { DeleteVersionDialog } from "./delete-version-dialog";
import { PublishVersionDialog } from "./publish-version-dialog";
import { VersionRowActions } from "./version-row-actions";
import { aliasesByVersion } from "./version-rows";

const COLUMNS = [
  { key: "version", label: "Version", className: "w-28" },
  { key: "description", label: "Description" },
  { key: "runtime", label: "Runtime" },
  { key: "sha", label: "Code SHA-256" },
  { key: "modified", label: "Last modified" },
  { key: "aliases", label: "Aliases", className: "min-w-44" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

export function VersionsTab({ name }: { name: string }) {
  const { data: fn } = useFunction(name);
  const versions = useQuery(versionsOptions(name));
  const aliases = useQuery(aliasesOptions(name));
  const [publishOpen, setPublishOpen] = useState(false);
  const [deleting, setDeleting] = useState<VersionSummary | undefined>();

  if (versions.isPending) return <FunctionTabSkeleton />;
  if (versions.isError) {
    return (
      <ErrorPanel
        error={versions.error}
        title="Could not list versions"
        onRetry={() => void versions.refetch()}
        retrying={versions.isFetching}
      />
    );
  }

  const byVersion = aliasesByVersion(aliases.data ?? []);
  const published = versions.data.filter((v) => v.Version !== "$LATEST");
  const latest = versions.data.find((v) => v.Version === "$LATEST");

  return (
    <section aria-labelledby="versions-heading">
      <SectionHeader
        id="versions-heading"
        title="Versions"
        description="A version is an immutable snapshot of $LATEST's code and configuration. Aliases point at versions, and callers can invoke one by number."
        actions={
          <>
            <RefreshButton
              label="Refresh versions"
              query={versions}
              onRefresh={() => {
                void versions.refetch();
                void aliases.refetch();
              }}
            />
            <Button onClick={() => setPublishOpen(true)} disabled={!fn}>
              <UploadIcon aria-hidden /> Publish version
            </Button>
          </>
        }
      />

      <DataTable label="Versions" columns={COLUMNS}>
        {[...(latest ? [latest] : []), ...[...published].reverse()].map((v) => {
          const isLatest = v.Version === "$LATEST";
          return (
            <DataRow key={v.Version}>
              <DataCell>
                <span className="flex items-center gap-2">
                  <Link
                    href={isLatest ? routes.function(name) : routes.version(name, v.Version)}
                    className="text-primary focus-visible:ring-ring/50 rounded-sm font-mono font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
                    aria-label={isLatest ? "$LATEST" : `Version ${v.Version}`}
                  >
                    {v.Version}
                  </Link>
                  {isLatest ? (
                    <span className="bg-muted text-muted-foreground rounded border px-1.5 text-[0.6875rem] font-medium">
                      editable
                    </span>
                  ) : null}
                </span>
              </DataCell>
              <DescriptionCell value={v.Description} />
              <DataCell>
                <span className="font-mono">{v.Runtime ?? (v.PackageType === "Image" ? "Image" : "—")}</span>
              </DataCell>
              <DataCell>
                <CodeSha
                  value={v.CodeSha256}
                  label={`code SHA-256 of ${isLatest ? "$LATEST" : `version ${v.Version}`}`}
                />
              </DataCell>
              <DataCell className="whitespace-nowrap">
                <RelativeTime value={v.LastModified} className="text-muted-foreground" />
              </DataCell>
              <DataCell>
                <AliasChips name={name} uses={byVersion.get(v.Version) ?? []} />
              </DataCell>
              <DataCell align="right">
                <VersionRowActions name={name} version={v} onDelete={() => setDeleting(v)} />
              </DataCell>
            </DataRow>
          );
        })}
      </DataTable>

      {published.length === 0 ? (
        <EmptyState
          className="mt-4"
          icon={GitCommitVerticalIcon}
          title="No published versions yet"
          description="Publish $LATEST to freeze what is deployed now. Then point an alias such as prod at it, and keep changing $LATEST without affecting callers of the alias."
        >
          <Button variant="outline" onClick={() => setPublishOpen(true)} disabled={!fn}>
            <UploadIcon aria-hidden /> Publish the first version
          </Button>
        </EmptyState>
      ) : null}

      {fn ? (
        <PublishVersionDialog
          name={name}
          latest={fn.Configuration}
          versions={versions.data}
          open={publishOpen}
          onOpenChange={setPublishOpen}
        />
      ) : null}
      {deleting ? (
        <DeleteVersionDialog
          name={name}
          version={deleting.Version}
          aliases={byVersion.get(deleting.Version) ?? []}
          open
          onOpenChange={(open) => {
            if (!open) setDeleting(undefined);
          }}
        />
      ) : null}
    </section>
  );
}
