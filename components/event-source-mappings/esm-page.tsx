"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { CableIcon, InfoIcon, PauseIcon, PencilIcon, PlayIcon, PlusIcon, SearchIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { ConfirmActionDialog } from "@/components/common/confirm-action-dialog";
import { DataCell, DataRow, DataTable, NoValue } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageSearch } from "@/components/common/page-search";
import { RefreshButton } from "@/components/common/refresh-button";
import { RelativeTime } from "@/components/common/relative-time";
import { countDescription, EmulatorNote, QueryList } from "@/components/common/resource-list";
import { RowActionsMenu } from "@/components/common/row-actions-menu";
import { StateBadge } from "@/components/common/state-badge";
import { useDialogState } from "@/components/common/use-dialog-state";
import { useConnection } from "@/components/layout/connection-context";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { EventSourceMapping } from "@/lib/lambda-types";
import {
  eventSourceMappingsOptions,
  useDeleteEventSourceMapping,
  useSetEventSourceMappingEnabled,
} from "@/lib/queries/event-source-mappings";
import { routes } from "@/lib/routes";
import { EsmDialog } from "./esm-dialog";
import { mappingRow } from "./esm-rows";

const COLUMNS = [
  { key: "state", label: "State" },
  { key: "source", label: "Source" },
  { key: "function", label: "Function" },
  { key: "batch", label: "Batch size", align: "right" as const },
  { key: "modified", label: "Last modified" },
  { key: "result", label: "Last processing result" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

type Dialog =
  { kind: "create" } | { kind: "edit"; mapping: EventSourceMapping } | { kind: "delete"; mapping: EventSourceMapping };

export function EventSourceMappingsPage({ region }: { region: string }) {
  const mappings = useQuery(eventSourceMappingsOptions());
  const setEnabled = useSetEventSourceMappingEnabled();
  const remove = useDeleteEventSourceMapping();
  const connection = useConnection();
  const [query, setQuery] = useState("");
  const { dialog, key: dialogKey, open, onOpenChange: close } = useDialogState<Dialog>();
  const rows = (mappings.data ?? []).map(mappingRow);
  const q = query.trim().toLowerCase();
  const shown = q
    ? rows.filter((r) => [r.source, r.sourceLabel, r.functionLabel, r.state].some((v) => v.toLowerCase().includes(q)))
    : rows;

  async function toggle(m: EventSourceMapping, enabled: boolean) {
    const result = await setEnabled.mutateAsync({ uuid: m.UUID, enabled });
    if (result.ok) toast.success(enabled ? "Enabling the mapping" : "Disabling the mapping");
    else
      toast.error(enabled ? "Could not enable the mapping" : "Could not disable the mapping", {
        description: result.error.message,
      });
  }

  return (
    <PageContainer>
      <PageHeader
        title="Event source mappings"
        description={countDescription(mappings.data, ["mapping", "mappings"], region)}
        actions={
          <Button onClick={() => open({ kind: "create" })}>
            <PlusIcon aria-hidden /> Create mapping
          </Button>
        }
      />

      {connection?.kind === "emulator" ? (
        <div className="mt-6">
          <EmulatorNote icon={InfoIcon}>
            Connected to the emulator: mappings are stored, validated and change state as on AWS, but nothing polls real
            SQS queues, Kinesis or DynamoDB streams, Kafka or MQ offline, so an enabled mapping never invokes its
            function. To see how the function handles a batch, invoke it on its Test tab with a sample event.
          </EmulatorNote>
        </div>
      ) : null}

      <div className="mt-6 mb-3 flex flex-wrap items-center gap-2">
        <PageSearch
          label="Search mappings"
          placeholder="Search by source, function or state"
          value={query}
          onChange={setQuery}
        />
        <div className="ml-auto">
          <RefreshButton label="Refresh mappings" query={mappings} />
        </div>
      </div>

      <QueryList
        query={mappings}
        errorTitle="Could not list event source mappings"
        empty={
          <EmptyState
            icon={CableIcon}
            title="No event source mappings yet"
            description="A mapping makes Lambda read a queue or stream (SQS, Kinesis, DynamoDB Streams, Kafka, Amazon MQ) and invoke a function with batches of records."
          >
            <Button onClick={() => open({ kind: "create" })}>
              <PlusIcon aria-hidden /> Create mapping
            </Button>
          </EmptyState>
        }
      >
        {() =>
          shown.length === 0 ? (
            <EmptyState icon={SearchIcon} title={`No mappings match “${query.trim()}”`}>
              <Button variant="outline" onClick={() => setQuery("")}>
                Clear search
              </Button>
            </EmptyState>
          ) : (
            <DataTable label="Event source mappings" columns={COLUMNS}>
              {shown.map((r) => (
                <DataRow key={r.mapping.UUID}>
                  <DataCell>
                    <StateBadge state={r.state} />
                  </DataCell>
                  <DataCell className="max-w-80">
                    <span className="text-muted-foreground block text-[0.6875rem]">{r.sourceLabel}</span>
                    <span className="block truncate font-mono text-xs" title={r.sourceTitle}>
                      {r.source}
                    </span>
                  </DataCell>
                  <DataCell>
                    {r.functionName ? (
                      <Link
                        href={routes.function(r.functionName)}
                        className="text-primary font-mono text-xs hover:underline"
                      >
                        {r.functionLabel}
                      </Link>
                    ) : (
                      <NoValue />
                    )}
                  </DataCell>
                  <DataCell align="right">
                    <span className="tabular">{r.mapping.BatchSize ?? "—"}</span>
                  </DataCell>
                  <DataCell className="whitespace-nowrap">
                    <RelativeTime value={r.mapping.LastModified} className="text-muted-foreground" />
                  </DataCell>
                  <DataCell className="w-full max-w-0 min-w-40">
                    <span
                      className="text-muted-foreground block truncate text-xs"
                      title={r.mapping.LastProcessingResult}
                    >
                      {r.mapping.LastProcessingResult ?? "—"}
                    </span>
                  </DataCell>
                  <DataCell align="right">
                    <RowActionsMenu label={`Actions for mapping ${r.source}`} className="w-44">
                      <DropdownMenuItem onSelect={() => open({ kind: "edit", mapping: r.mapping })} disabled={r.busy}>
                        <PencilIcon aria-hidden /> Edit…
                      </DropdownMenuItem>
                      {r.state === "Disabled" ? (
                        <DropdownMenuItem onSelect={() => void toggle(r.mapping, true)} disabled={r.busy}>
                          <PlayIcon aria-hidden /> Enable
                        </DropdownMenuItem>
                      ) : (
                        <DropdownMenuItem onSelect={() => void toggle(r.mapping, false)} disabled={r.busy}>
                          <PauseIcon aria-hidden /> Disable
                        </DropdownMenuItem>
                      )}
                      <DropdownMenuSeparator />
                      <DropdownMenuItem
                        variant="destructive"
                        onSelect={() => open({ kind: "delete", mapping: r.mapping })}
                        disabled={r.busy}
                      >
                        <Trash2Icon aria-hidden /> Delete…
                      </DropdownMenuItem>
                    </RowActionsMenu>
                  </DataCell>
                </DataRow>
              ))}
            </DataTable>
          )
        }
      </QueryList>

      {dialog?.kind === "create" ? <EsmDialog key={dialogKey} open onOpenChange={close} /> : null}
      {dialog?.kind === "edit" ? (
        <EsmDialog
          key={dialogKey}
          mapping={dialog.mapping}
          functionName={mappingRow(dialog.mapping).functionLabel}
          open
          onOpenChange={close}
        />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmActionDialog
          key={dialogKey}
          open
          onOpenChange={close}
          title="Delete this event source mapping?"
          description={
            <p>
              Lambda stops reading <span className="font-mono break-all">{mappingRow(dialog.mapping).sourceTitle}</span>
              . The queue or stream and the function stay.
            </p>
          }
          confirmLabel="Delete mapping"
          pendingLabel="Deleting…"
          run={() => remove.mutateAsync({ uuid: dialog.mapping.UUID })}
          success="Deleting the mapping"
          errorTitle="Could not delete the mapping"
        />
      ) : null}
    </PageContainer>
  );
}
