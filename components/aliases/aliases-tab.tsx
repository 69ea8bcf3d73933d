"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { PencilIcon, PlusIcon, TagIcon, Trash2Icon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable, DescriptionCell, NoValue } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { RefreshButton } from "@/components/common/refresh-button";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { SectionHeader } from "@/components/common/section-header";
import { useDialogState } from "@/components/common/use-dialog-state";
import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { AliasSummary } from "@/lib/lambda-types";
import { aliasesOptions, useDeleteAlias, versionsOptions } from "@/lib/queries/qualifiers";
import { routes } from "@/lib/routes";
import { AliasDialog } from "./alias-dialog";
import { RoutingBar } from "./routing-bar";
import { routingShares } from "./routing-weights";

const COLUMNS = [
  { key: "name", label: "Name" },
  { key: "routing", label: "Version and traffic" },
  { key: "description", label: "Description" },
  { key: "arn", label: "ARN" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

type Dialog = { kind: "create" } | { kind: "edit"; alias: AliasSummary } | { kind: "delete"; alias: AliasSummary };

export function AliasesTab({ name }: { name: string }) {
  const aliases = useQuery(aliasesOptions(name));
  const versions = useQuery(versionsOptions(name));
  const remove = useDeleteAlias();
  const { dialog, key: dialogKey, open, onOpenChange: close } = useDialogState<Dialog>();

  if (aliases.isPending) return <FunctionTabSkeleton />;
  if (aliases.isError) {
    return (
      <ErrorPanel
        error={aliases.error}
        title="Could not list aliases"
        onRetry={() => void aliases.refetch()}
        retrying={aliases.isFetching}
      />
    );
  }
  const list = aliases.data;
  const versionList = versions.data ?? [];
  const canCreate = versions.data !== undefined;

  return (
    <section aria-labelledby="aliases-heading">
      <SectionHeader
        id="aliases-heading"
        title="Aliases"
        description="Stable names for versions. Invoke prod, not version 7; move prod to version 8 when it is ready, or send it 10% of prod's traffic first."
        actions={
          <>
            <RefreshButton
              label="Refresh aliases"
              query={aliases}
              onRefresh={() => {
                void aliases.refetch();
                void versions.refetch();
              }}
            />
            <Button onClick={() => open({ kind: "create" })} disabled={!canCreate}>
              <PlusIcon aria-hidden /> Create alias
            </Button>
          </>
        }
      />

      {list.length === 0 ? (
        <EmptyState
          icon={TagIcon}
          title="No aliases yet"
          description={
            versionList.some((v) => v.Version !== "$LATEST") ? (
              "Create an alias such as prod or beta that points at a published version. Callers keep invoking the alias while you move it."
            ) : (
              <>
                Aliases point at published versions.{" "}
                <Link
                  href={routes.function(name, "versions")}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  Publish a version
                </Link>{" "}
                first, or create an alias for $LATEST.
              </>
            )
          }
        >
          <Button onClick={() => open({ kind: "create" })} disabled={!canCreate}>
            <PlusIcon aria-hidden /> Create alias
          </Button>
        </EmptyState>
      ) : (
        <DataTable label="Aliases" columns={COLUMNS}>
          {list.map((a) => (
            <DataRow key={a.Name}>
              <DataCell>
                <span className="font-mono font-medium">{a.Name}</span>
              </DataCell>
              <DataCell>
                <RoutingBar shares={routingShares(a.FunctionVersion, a.AdditionalVersionWeights)} />
              </DataCell>
              <DescriptionCell value={a.Description} />
              <DataCell className="max-w-72">
                {a.AliasArn ? <Arn value={a.AliasArn} label={`ARN of alias ${a.Name}`} /> : <NoValue />}
              </DataCell>
              <DataCell align="right">
                <RowActionsMenu label={`Actions for alias ${a.Name}`} className="w-44">
                  <DropdownMenuItem onSelect={() => open({ kind: "edit", alias: a })} disabled={!canCreate}>
                    <PencilIcon aria-hidden /> Edit…
                  </DropdownMenuItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem variant="destructive" onSelect={() => open({ kind: "delete", alias: a })}>
                    <Trash2Icon aria-hidden /> Delete…
                  </DropdownMenuItem>
                </RowActionsMenu>
              </DataCell>
            </DataRow>
          ))}
        </DataTable>
      )}

      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <AliasDialog
          key={dialogKey}
          name={name}
          {...(dialog.kind === "edit" ? { alias: dialog.alias } : {})}
          versions={versionList}
          open
          onOpenChange={close}
        />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmActionDialog
          key={dialogKey}
          open
          onOpenChange={close}
          title={`Delete alias ${dialog.alias.Name}?`}
          description={
            <p>
              Callers of <code className="font-mono">{`${name}:${dialog.alias.Name}`}</code> will get an error. The
              alias&apos;s function URL, permissions, asynchronous settings and provisioned concurrency go with it. The
              versions stay.
            </p>
          }
          confirmLabel="Delete alias"
          pendingLabel="Deleting…"
          run={() => remove.mutateAsync({ functionName: name, name: dialog.alias.Name })}
          success={`Deleted alias ${dialog.alias.Name}`}
          errorTitle="Could not delete the alias"
        />
      ) : null}
    </section>
  );
}
