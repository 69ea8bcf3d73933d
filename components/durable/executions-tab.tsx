"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ExternalLinkIcon, PlayIcon, SearchIcon, SquareIcon, WorkflowIcon } from "lucide-react";
import { DataCell, DataRow, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { ClearFiltersButton, FilterField, FilterSelect } from "@/components/common/list-filters";
import { LoadOlderFooter } from "@/components/common/load-older-footer";
import { QualifierSelect } from "@/components/common/qualifier-select";
import { RefreshButton } from "@/components/common/refresh-button";
import { RelativeTime } from "@/components/common/relative-time";
import { CopyArnItem, RowActionsMenu } from "@/components/common/row-actions-menu";
import { SectionHeader } from "@/components/common/section-header";
import { useDialogState } from "@/components/common/use-dialog-state";
import { useUrlFilters } from "@/components/common/use-url-filters";
import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { executionKey, parseDurableExecutionArn } from "@/lib/durable-arn";
import { DURABLE_EXECUTION_STATUSES, type DurableExecutionSummary } from "@/lib/durable-types";
import { durableExecutionsOptions } from "@/lib/queries/durable-executions";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { formatDuration } from "./duration-format";
import { anyRunning, executionFiltersToSearch, parseExecutionFilters } from "./execution-filters";
import { parseTime } from "./history-model";
import { NotDurableState } from "./not-durable-state";
import { StartExecutionDialog } from "./start-execution-dialog";
import { statusLabel, DurableStatusBadge } from "./status-badge";
import { StopExecutionDialog } from "./stop-execution-dialog";
import { useNow } from "./use-now";

/** How often the list refreshes while an execution on it runs. */
const LIVE_LIST_MS = 2_000;

const STATUS_OPTIONS = DURABLE_EXECUTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));

const COLUMNS = [
  { key: "name", label: "Name", className: "w-full min-w-56" },
  { key: "status", label: "Status" },
  { key: "started", label: "Started" },
  { key: "duration", label: "Duration", align: "right" as const },
  { key: "version", label: "Version" },
  { key: "actions", label: "Actions", align: "right" as const, srOnly: true },
];

export function ExecutionsTab({ name }: { name: string }) {
  const { data: fn } = useFunction(name);
  if (!fn) return <FunctionTabSkeleton />;
  if (!fn.Configuration.DurableConfig) return <NotDurableState functionName={name} />;
  return <ExecutionsList name={name} />;
}

function ExecutionsList({ name }: { name: string }) {
  const router = useRouter();
  const { filters, setFilters, setFilter } = useUrlFilters(parseExecutionFilters, executionFiltersToSearch);
  const query = useInfiniteQuery({
    ...durableExecutionsOptions(name, filters),
    refetchInterval: (q) =>
      anyRunning(q.state.data?.pages.flatMap((p) => p.DurableExecutions) ?? []) ? LIVE_LIST_MS : false,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.DurableExecutions) ?? [], [query.data]);
  const live = anyRunning(rows);
  const now = useNow(live, query.dataUpdatedAt);
  const dialogs = useDialogState<{ kind: "start" } | { kind: "stop"; execution: DurableExecutionSummary }>();
  const [search, setSearch] = useState(filters.name ?? "");
  // The version is a view, not a filter: "Clear filters" keeps it.
  const filtered = Boolean(filters.status || filters.name);

  function clearFilters() {
    setSearch("");
    setFilters(filters.qualifier ? { qualifier: filters.qualifier } : {});
  }

  const startButton = (
    <Button onClick={() => dialogs.open({ kind: "start" })}>
      <PlayIcon aria-hidden /> Start execution
    </Button>
  );

  return (
    <section aria-labelledby="executions-heading">
      <SectionHeader
        id="executions-heading"
        title="Durable executions"
        description="Each execution checkpoints its steps, waits and callbacks, and resumes where it left off. Open one to see its timeline."
        actions={
          <>
            <RefreshButton label="Refresh executions" query={query} />
            {startButton}
          </>
        }
      />

      <div className="mb-4 flex flex-wrap items-end gap-3">
        {/* The API lists one version's executions at a time; $LATEST is the URL without a qualifier. */}
        <FilterField id="executions-qualifier" label="Version">
          <QualifierSelect
            functionName={name}
            id="executions-qualifier"
            value={filters.qualifier ?? "$LATEST"}
            onValueChange={(v) => setFilter("qualifier", v === "$LATEST" ? undefined : v)}
          />
        </FilterField>
        <FilterSelect
          id="executions-status"
          label="Status"
          anyLabel="Any status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onValueChange={(v) => setFilter("status", v)}
        />
        <form
          className="grid gap-1.5"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter("name", search.trim() || undefined);
          }}
        >
          <Label htmlFor="executions-name" className="text-muted-foreground text-xs">
            Name
          </Label>
          <div className="relative">
            <SearchIcon
              className="text-muted-foreground pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2"
              aria-hidden
            />
            <Input
              id="executions-name"
              type="search"
              placeholder="Exact name, then Enter"
              autoComplete="off"
              spellCheck={false}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                // Clearing the box clears the filter at once; typing waits for Enter (the API matches whole names).
                if (e.target.value === "" && filters.name) setFilter("name", undefined);
              }}
              className="h-8 w-64 pl-8 font-mono text-[0.8125rem]"
            />
          </div>
        </form>
        {filtered ? <ClearFiltersButton onClick={clearFilters} /> : null}
        {live ? (
          <span className="text-muted-foreground ml-auto flex items-center gap-1.5 text-xs" aria-live="polite">
            <span className="bg-primary size-1.5 animate-pulse rounded-full" aria-hidden />
            Live · refreshing while executions run
          </span>
        ) : null}
      </div>

      {query.isPending ? (
        <FunctionTabSkeleton />
      ) : query.isError ? (
        <ErrorPanel
          error={query.error}
          title="Could not list executions"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={WorkflowIcon}
          title={
            filtered
              ? "No executions match the filters"
              : filters.qualifier
                ? `No executions of ${filters.qualifier} yet`
                : "No executions yet"
          }
          description={
            filtered
              ? "Names must match exactly. Clear the filters to see every execution."
              : "Start one here, invoke the function from the Test tab, or call Invoke from any SDK; each durable invoke starts an execution."
          }
        >
          {filtered ? (
            <Button variant="outline" onClick={clearFilters}>
              Clear filters
            </Button>
          ) : (
            startButton
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable label="Durable executions" columns={COLUMNS}>
            {rows.map((row) => {
              const key = executionKey(row.DurableExecutionArn);
              const href = key ? routes.durableExecution(name, key) : undefined;
              const start = parseTime(row.StartTimestamp);
              const end = parseTime(row.EndTimestamp);
              const ref = parseDurableExecutionArn(row.DurableExecutionArn);
              return (
                <DataRow key={row.DurableExecutionArn}>
                  {/* max-w-0 + w-full: a long (generated, UUID) name truncates instead of pushing Version and
                      the row menu out of a narrow window. */}
                  <DataCell className="w-full max-w-0">
                    <div className="flex min-w-0 items-baseline gap-2">
                      {href ? (
                        <Link
                          href={href}
                          className="text-primary focus-visible:ring-ring/50 truncate rounded-sm font-mono font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
                          aria-label={`Execution ${row.DurableExecutionName}`}
                          title={row.DurableExecutionName}
                        >
                          {row.DurableExecutionName}
                        </Link>
                      ) : (
                        <span className="truncate font-mono" title={row.DurableExecutionName}>
                          {row.DurableExecutionName}
                        </span>
                      )}
                      {ref && ref.id !== row.DurableExecutionName ? (
                        <span className="text-muted-foreground shrink-0 font-mono text-xs" title={ref.id}>
                          {ref.id.slice(0, 8)}
                        </span>
                      ) : null}
                    </div>
                  </DataCell>
                  <DataCell>
                    <DurableStatusBadge status={row.Status} />
                  </DataCell>
                  <DataCell className="whitespace-nowrap">
                    <RelativeTime value={row.StartTimestamp} className="text-muted-foreground" />
                  </DataCell>
                  <DataCell align="right" className="tabular whitespace-nowrap">
                    {start !== undefined ? formatDuration((end ?? now) - start) : "—"}
                  </DataCell>
                  <DataCell>
                    <span className="font-mono text-xs">{ref?.version ?? "—"}</span>
                  </DataCell>
                  <DataCell align="right">
                    <RowActionsMenu label={`Actions for ${row.DurableExecutionName}`} className="w-48">
                      {href ? (
                        <DropdownMenuItem onSelect={() => router.push(href)}>
                          <ExternalLinkIcon aria-hidden /> Open timeline
                        </DropdownMenuItem>
                      ) : null}
                      <CopyArnItem arn={row.DurableExecutionArn} />
                      {row.Status === "RUNNING" ? (
                        <>
                          <DropdownMenuSeparator />
                          <DropdownMenuItem
                            variant="destructive"
                            onSelect={() => dialogs.open({ kind: "stop", execution: row })}
                          >
                            <SquareIcon aria-hidden /> Stop…
                          </DropdownMenuItem>
                        </>
                      ) : null}
                    </RowActionsMenu>
                  </DataCell>
                </DataRow>
              );
            })}
          </DataTable>
          <LoadOlderFooter
            className="mt-2 px-1"
            query={query}
            summary={
              <>
                {rows.length} {rows.length === 1 ? "execution" : "executions"}
                {query.hasNextPage ? " loaded" : ""}
              </>
            }
          />
        </>
      )}

      <StartExecutionDialog
        key={`start-${dialogs.key}`}
        functionName={name}
        {...(filters.qualifier ? { qualifier: filters.qualifier } : {})}
        open={dialogs.dialog?.kind === "start"}
        onOpenChange={dialogs.onOpenChange}
      />
      {dialogs.dialog?.kind === "stop" ? (
        <StopExecutionDialog
          key={`stop-${dialogs.key}`}
          open
          onOpenChange={dialogs.onOpenChange}
          executionArn={dialogs.dialog.execution.DurableExecutionArn}
          name={dialogs.dialog.execution.DurableExecutionName}
        />
      ) : null}
    </section>
  );
}
