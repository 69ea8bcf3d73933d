"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { DownloadIcon, LayersIcon, Trash2Icon, UploadIcon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable, DescriptionCell, NoValue } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { RelativeTime } from "@/components/common/relative-time";
import { QueryList } from "@/components/common/resource-list";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { Breadcrumb, PageContainer } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { LayerVersionSummary } from "@/lib/lambda-types";
import { layerVersionsOptions, useDeleteLayerVersion } from "@/lib/queries/layers";
import { routes } from "@/lib/routes";
import { PublishLayerDialog } from "./publish-layer-dialog";
import { RuntimeTags } from "./runtime-tags";

const COLUMNS = [
  { key: "version", label: "Version" },
  { key: "description", label: "Description" },
  { key: "runtimes", label: "Compatible runtimes", className: "min-w-52" },
  { key: "arch", label: "Architectures" },
  { key: "license", label: "License" },
  { key: "created", label: "Created" },
  { key: "arn", label: "Version ARN" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

/** A layer's versions, newest first: publish the next one, download or delete one. */
export function LayerDetail({ layerName }: { layerName: string }) {
  const versions = useQuery(layerVersionsOptions(layerName));
  const remove = useDeleteLayerVersion();
  const [publishing, setPublishing] = useState(false);
  const [publishKey, setPublishKey] = useState(0);
  const [deleting, setDeleting] = useState<LayerVersionSummary | undefined>();
  const newest = versions.data?.[0];

  function publish() {
    setPublishKey((k) => k + 1);
    setPublishing(true);
  }

  return (
    <PageContainer>
      <div className="space-y-3">
        <Breadcrumb parent="Layers" href={routes.layers()} current={layerName} />
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
          <div className="min-w-0 space-y-1">
            <h1 className="truncate text-xl font-semibold tracking-tight">{layerName}</h1>
            <p className="text-muted-foreground text-sm">
              {versions.data
                ? versions.data.length === 0
                  ? "No versions"
                  : `${versions.data.length} ${versions.data.length === 1 ? "version" : "versions"}, newest ${newest?.Version ?? ""}`
                : "Loading versions…"}
            </p>
          </div>
          <Button onClick={publish}>
            <UploadIcon aria-hidden /> Publish new version
          </Button>
        </div>
      </div>

      <div className="mt-6">
        <QueryList
          query={versions}
          errorTitle="Could not list the layer's versions"
          empty={
            <EmptyState
              icon={LayersIcon}
              title="This layer has no versions"
              description="Every version was deleted (or none was published under this name). Version numbers are never reused: the next one continues the count."
            >
              <Button onClick={publish}>
                <UploadIcon aria-hidden /> Publish a version
              </Button>
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable label="Layer versions" columns={COLUMNS}>
              {items.map((v) => (
                <DataRow key={v.Version}>
                  <DataCell>
                    <span className="font-mono font-medium">{v.Version}</span>
                  </DataCell>
                  <DescriptionCell value={v.Description} />
                  <DataCell>
                    <RuntimeTags values={v.CompatibleRuntimes} label={`Runtimes of version ${v.Version}`} />
                  </DataCell>
                  <DataCell>
                    <RuntimeTags values={v.CompatibleArchitectures} label={`Architectures of version ${v.Version}`} />
                  </DataCell>
                  <DataCell>{v.LicenseInfo ? <span className="text-xs">{v.LicenseInfo}</span> : <NoValue />}</DataCell>
                  <DataCell className="whitespace-nowrap">
                    <RelativeTime value={v.CreatedDate} className="text-muted-foreground" />
                  </DataCell>
                  <DataCell className="max-w-64">
                    <Arn value={v.LayerVersionArn} label={`ARN of version ${v.Version}`} />
                  </DataCell>
                  <DataCell align="right">
                    <RowActionsMenu label={`Actions for version ${v.Version}`} className="w-48">
                      <DropdownMenuItem asChild>
                        <a href={routes.api.layerVersionContent(layerName, v.Version)} download>
                          <DownloadIcon aria-hidden /> Download .zip
                        </a>
                      </DropdownMenuItem>
                      <DropdownMenuSeparator />
                      <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(v)}>
                        <Trash2Icon aria-hidden /> Delete version…
                      </DropdownMenuItem>
                    </RowActionsMenu>
                  </DataCell>
                </DataRow>
              ))}
            </DataTable>
          )}
        </QueryList>
      </div>

      {publishing ? (
        <PublishLayerDialog
          key={publishKey}
          layerName={layerName}
          {...(newest ? { previous: newest } : {})}
          open
          onOpenChange={setPublishing}
        />
      ) : null}
      <ConfirmActionDialog
        open={deleting !== undefined}
        onOpenChange={(o) => {
          if (!o) setDeleting(undefined);
        }}
        title={`Delete version ${deleting?.Version ?? ""} of ${layerName}?`}
        description={
          <p>
            New functions can no longer add it, and its number is never reused. Functions that already use it keep
            working with their copy.
          </p>
        }
        confirmLabel="Delete version"
        pendingLabel="Deleting…"
        run={() => remove.mutateAsync({ layerName, version: deleting?.Version ?? 0 })}
        success={`Deleted version ${deleting?.Version ?? ""} of ${layerName}`}
        errorTitle="Could not delete the version"
      />
    </PageContainer>
  );
}
