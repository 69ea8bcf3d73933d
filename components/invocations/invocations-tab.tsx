"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { HistoryIcon, RefreshCwIcon, ScrollTextIcon, SnowflakeIcon } from "lucide-react";
import { CopyButton } from "@/components/common/copy-button";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { ClearFiltersButton, FilterSelect } from "@/components/common/list-filters";
import { LoadOlderFooter } from "@/components/common/load-older-footer";
import { RelativeTime } from "@/components/common/relative-time";
import { useUrlFilters } from "@/components/common/use-url-filters";
import { formatMs } from "@/components/invoke/invoke-summary";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toConsoleError } from "@/lib/console-error";
import type { InvocationListItem } from "@/lib/lambda-types";
import { invocationsOptions } from "@/lib/queries/invocations";
import { routes } from "@/lib/routes";
import {
  applyFilters,
  filtersToSearch,
  hasFilters,
  INVOCATION_STATUSES,
  MIN_DURATIONS,
  parseFilters,
  pastWindow,
  TIME_WINDOWS,
  type TimeWindow,
} from "./invocation-filters";
import { InvocationStatusBadge } from "./invocation-status-badge";
import { LogsSourceNote } from "./logs-source-note";

const WINDOW_LABEL: Record<TimeWindow, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
};
const STATUS_OPTIONS = INVOCATION_STATUSES.map((s) => ({ value: s, label: s }));
const WINDOW_OPTIONS = (Object.keys(TIME_WINDOWS) as TimeWindow[]).map((w) => ({ value: w, label: WINDOW_LABEL[w] }));
const DURATION_OPTIONS = MIN_DURATIONS.map((ms) => ({ value: String(ms), label: `≥ ${formatMs(ms)}` }));
const COLUMNS = ["Time", "Request ID", "Status", "Duration", "Billed", "Memory", "Type", "Version"];
const NUMERIC = new Set(["Duration", "Billed", "Memory"]);

/** A row's page; one read from CloudWatch Logs carries when its REPORT was logged, to find it quickly. */
const linkOf = (name: string, row: InvocationListItem) =>
  routes.invocation(name, row.RequestId, "Source" in row ? Date.parse(row.EndTime) : undefined);

export function InvocationsTab({ name }: { name: string }) {
  const router = useRouter();
  const { filters, setFilters, setFilter } = useUrlFilters(parseFilters, filtersToSearch);
  const [autoRefresh, setAutoRefresh] = useState(false);
  const query = useInfiniteQuery({
    ...invocationsOptions(name, {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.since ? { since: filters.since } : {}),
    }),
    refetchInterval: autoRefresh ? 3_000 : false,
  });
  // Read from CloudWatch Logs (no records on this connection): its log group, and whether it exists yet.
  const firstPage = query.data?.pages[0];
  const logs = firstPage && "Source" in firstPage ? firstPage : undefined;
  const columns = logs ? COLUMNS.filter((c) => c !== "Type") : COLUMNS;

  const loaded = useMemo(
    () => query.data?.pages.flatMap((p): InvocationListItem[] => p.Invocations) ?? [],
    [query.data],
  );
  // "Now" for the time window is when the data was fetched: stable between renders, fresh on refetch.
  const now = query.dataUpdatedAt;
  const rows = useMemo(() => applyFilters(loaded, filters, now), [loaded, filters, now]);
  const exhausted = pastWindow(loaded, filters, now);
  const error = query.error ? toConsoleError(query.error) : undefined;

  return (
    <section aria-label="Invocations" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          id="filter-status"
          label="Status"
          anyLabel="Any status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onValueChange={(v) => setFilter("status", v)}
        />
        <FilterSelect
          id="filter-time"
          label="Time"
          anyLabel="Any time"
          options={WINDOW_OPTIONS}
          value={filters.since}
          onValueChange={(v) => setFilter("since", v)}
          className="w-40"
        />
        <FilterSelect
          id="filter-duration"
          label="Duration"
          anyLabel="Any duration"
          options={DURATION_OPTIONS}
          value={filters.minDurationMs ? String(filters.minDurationMs) : undefined}
          onValueChange={(v) => setFilter("minDurationMs", v === undefined ? undefined : Number(v))}
        />
        {hasFilters(filters) ? <ClearFiltersButton onClick={() => setFilters({})} /> : null}
        <div className="ml-auto flex items-center gap-3">
          <div className="flex items-center gap-2">
            <Switch id="auto-refresh" checked={autoRefresh} onCheckedChange={setAutoRefresh} />
            <Label htmlFor="auto-refresh" className="text-sm font-normal">
              Auto-refresh
            </Label>
          </div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
            aria-label="Refresh invocations"
          >
            <RefreshCwIcon className={query.isFetching ? "animate-spin" : undefined} aria-hidden /> Refresh
          </Button>
        </div>
      </div>

      {logs && logs.LogGroupExists ? <LogsSourceNote logGroup={logs.LogGroup} /> : null}

      {query.isPending ? (
        <div className="space-y-2 rounded-lg border p-4" role="status" aria-label="Loading invocations">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : error ? (
        <ErrorPanel error={error} title="Could not load invocations" onRetry={() => void query.refetch()} />
      ) : logs && !logs.LogGroupExists ? (
        <EmptyState
          icon={ScrollTextIcon}
          title="No invocations logged yet"
          description={
            <>
              The log group <code className="font-mono text-xs">{logs.LogGroup}</code> does not exist yet. Lambda
              creates it the first time the function runs (when its execution role may write logs); invocations are then
              read from it here.
            </>
          }
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={HistoryIcon}
          title={
            loaded.length === 0 && !hasFilters(filters) ? "No invocations yet" : "No invocations match the filters"
          }
          description={
            loaded.length === 0 && !hasFilters(filters) ? (
              <>
                Invoke the function from the{" "}
                <Link className="text-primary underline-offset-4 hover:underline" href={routes.function(name, "test")}>
                  Test tab
                </Link>{" "}
                {logs
                  ? `(or any SDK or CLI); every invocation's REPORT line in ${logs.LogGroup} is listed here.`
                  : "(or any SDK or CLI pointed at the emulator); every invocation is recorded here with its payloads and log."}
              </>
            ) : query.hasNextPage && !exhausted ? (
              "None of the loaded invocations match. Load older ones, or widen the filters."
            ) : (
              "Widen the filters to see more."
            )
          }
        >
          {hasFilters(filters) ? (
            <Button variant="outline" onClick={() => setFilters({})}>
              Clear filters
            </Button>
          ) : null}
          {query.hasNextPage && !exhausted ? (
            <Button variant="outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              Load older invocations
            </Button>
          ) : null}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border">
          <Table aria-label="Invocations" className="text-[0.8125rem]">
            <TableHeader className="bg-muted/40">
              <TableRow className="hover:bg-transparent">
                {columns.map((h) => (
                  <TableHead
                    key={h}
                    className={`text-muted-foreground h-9 px-3 text-xs font-medium first:pl-4 last:pr-4 ${NUMERIC.has(h) ? "text-right" : ""}`}
                  >
                    {h}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.RequestId}
                  className="cursor-pointer"
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest("a,button")) return;
                    router.push(linkOf(name, row));
                  }}
                >
                  <TableCell className="px-3 pl-4 whitespace-nowrap">
                    <RelativeTime value={row.StartTime} />
                  </TableCell>
                  <TableCell className="px-3">
                    <span className="flex items-center gap-1">
                      <Link
                        href={linkOf(name, row)}
                        className="text-primary font-mono text-xs underline-offset-4 hover:underline"
                        aria-label={`Invocation ${row.RequestId}`}
                      >
                        {row.RequestId.slice(0, 8)}…{row.RequestId.slice(-4)}
                      </Link>
                      <CopyButton value={row.RequestId} label="request ID" className="size-6" />
                    </span>
                  </TableCell>
                  <TableCell className="px-3">
                    <span className="flex items-center gap-1.5">
                      <InvocationStatusBadge status={row.Status} />
                      {row.ErrorType ? (
                        <span
                          className="text-muted-foreground max-w-40 truncate font-mono text-xs"
                          title={row.ErrorMessage}
                        >
                          {row.ErrorType}
                        </span>
                      ) : null}
                    </span>
                  </TableCell>
                  <TableCell className="tabular px-3 text-right whitespace-nowrap">
                    {row.InitDurationMs !== undefined ? (
                      <SnowflakeIcon
                        className="text-primary/70 mr-1 inline size-3 align-[-1px]"
                        aria-label={`Cold start, init ${formatMs(row.InitDurationMs)}`}
                      />
                    ) : null}
                    {formatMs(row.DurationMs)}
                  </TableCell>
                  <TableCell className="tabular text-muted-foreground px-3 text-right whitespace-nowrap">
                    {formatMs(row.BilledDurationMs)}
                  </TableCell>
                  <TableCell className="tabular text-muted-foreground px-3 text-right whitespace-nowrap">
                    {row.MaxMemoryUsedMB} / {row.MemorySizeMB} MB
                  </TableCell>
                  {"Source" in row ? null : (
                    <TableCell className="text-muted-foreground px-3 text-xs">
                      {row.InvocationType}
                      {row.ResponseStreamed ? " · streamed" : ""}
                    </TableCell>
                  )}
                  <TableCell className="px-3 pr-4 font-mono text-xs">{row.Version}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadOlderFooter
            className="border-t px-4 py-2"
            query={query}
            canLoadOlder={query.hasNextPage && !exhausted}
            summary={
              <>
                {rows.length === loaded.length
                  ? `${loaded.length} invocation${loaded.length === 1 ? "" : "s"}`
                  : `${rows.length} of ${loaded.length} loaded invocations match`}
                {autoRefresh ? " · refreshing every 3 s" : ""}
              </>
            }
            end={exhausted ? "Older invocations are outside the time window." : "That is all."}
          />
        </div>
      )}
    </section>
  );
}
