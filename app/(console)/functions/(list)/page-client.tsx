"use client";

import { useCallback, useEffect, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { BoxesIcon, LoaderCircleIcon, PlusIcon, SearchXIcon } from "lucide-react";
import { toast } from "sonner";
import { EmptyState } from "@/components/common/empty-state";
import { PageSearch } from "@/components/common/page-search";
import { RefreshButton } from "@/components/common/refresh-button";
import { CreateFunctionDialog } from "@/components/functions/create-function-dialog";
import { DeleteFunctionDialog } from "@/components/functions/delete-function-dialog";
import { filterFunctions } from "@/components/functions/filter-functions";
import { FunctionsTable } from "@/components/functions/functions-table";
import { FunctionsTableSkeleton } from "@/components/functions/functions-table-skeleton";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { useShortcut } from "@/components/layout/use-shortcut";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { functionsListOptions } from "@/lib/queries/functions";
import { routes } from "@/lib/routes";

export interface CreateDefaults {
  runtime: string;
  role: string;
  roleRequired: boolean;
}

export function FunctionsPageClient({
  initialQuery,
  initialCreate = false,
  initialCreateDurable = false,
  region,
  createDefaults,
}: {
  initialQuery: string;
  /** `?create=1` (the command palette's "Create function") opens the dialog at once. */
  initialCreate?: boolean;
  /** `?create=durable` (a non-durable function's Durable executions tab) opens it with Durable on. */
  initialCreateDurable?: boolean;
  region: string;
  createDefaults: CreateDefaults;
}) {
  const list = useInfiniteQuery({
    ...functionsListOptions(),
    // With nothing to show, the failure is the page: error.tsx renders it. A failed refetch keeps the rows.
    throwOnError: (_error, query) => query.state.data === undefined,
  });
  const [query, setQuery] = useState(initialQuery);
  const [createOpen, setCreateOpen] = useState(initialCreate);
  const [deleting, setDeleting] = useState<string | undefined>();

  useShortcut("c", () => setCreateOpen(true));

  // The search lives in the URL so a filtered list can be shared and survives reloads.
  useEffect(() => {
    const url = routes.functions({ q: query.trim() || undefined });
    if (window.location.pathname + window.location.search !== url) window.history.replaceState(null, "", url);
  }, [query]);

  // Background refetch failures keep the table and say so once.
  const refetchError = list.isRefetchError ? list.error : null;
  useEffect(() => {
    if (refetchError) toast.error("Could not refresh functions", { description: refetchError.message });
  }, [refetchError]);

  const onDelete = useCallback((name: string) => setDeleting(name), []);

  const all = list.data?.pages.flatMap((p) => p.Functions) ?? [];
  const shown = filterFunctions(all, query);
  const searching = query.trim() !== "";
  const loaded = list.data !== undefined;

  return (
    <PageContainer>
      <PageHeader
        title="Functions"
        description={
          !loaded
            ? `Loading functions in ${region}…`
            : all.length === 0
              ? `None yet in ${region}`
              : `${all.length}${list.hasNextPage ? "+" : ""} ${all.length === 1 ? "function" : "functions"} in ${region}`
        }
        actions={
          <Button onClick={() => setCreateOpen(true)} aria-keyshortcuts="c">
            <PlusIcon aria-hidden />
            Create function
            <Kbd aria-hidden className="bg-primary-foreground/15 text-primary-foreground ml-1 hidden sm:inline-flex">
              C
            </Kbd>
          </Button>
        }
      />

      <div className="mt-6 mb-3 flex flex-wrap items-center gap-2">
        <PageSearch
          label="Search functions"
          placeholder="Search by name, runtime or description"
          value={query}
          onChange={setQuery}
        />
        {searching && loaded ? (
          <p className="text-muted-foreground text-xs" aria-live="polite">
            {shown.length} of {all.length} loaded {all.length === 1 ? "function" : "functions"} match
          </p>
        ) : null}
        <div className="ml-auto">
          <RefreshButton label="Refresh functions" query={list} />
        </div>
      </div>

      {!loaded ? (
        <FunctionsTableSkeleton />
      ) : all.length === 0 ? (
        <EmptyState
          icon={BoxesIcon}
          title="No functions yet"
          description="A function is code plus the settings Lambda runs it with. Create one from a starter template, then test it with an event."
        >
          <Button onClick={() => setCreateOpen(true)}>
            <PlusIcon aria-hidden /> Create function
          </Button>
        </EmptyState>
      ) : (
        <div className="bg-card overflow-hidden rounded-lg border">
          {shown.length > 0 ? (
            <FunctionsTable functions={shown} onDelete={onDelete} />
          ) : (
            <EmptyState
              className="m-4 border-0"
              icon={SearchXIcon}
              title={`No functions match “${query.trim()}”`}
              description={
                list.hasNextPage
                  ? "Only the functions loaded so far were searched. Load more to search further."
                  : "Try part of the name, a runtime such as python3.13, or a word from the description."
              }
            >
              <Button variant="outline" onClick={() => setQuery("")}>
                Clear search
              </Button>
            </EmptyState>
          )}
          {list.hasNextPage || list.isFetchingNextPage ? (
            <div className="bg-muted/30 flex items-center justify-between gap-4 border-t px-4 py-2.5">
              <p className="text-muted-foreground text-xs">
                Showing the first {all.length} functions{searching ? " (search covers these only)" : ""}.
              </p>
              <Button
                variant="outline"
                size="sm"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </div>
      )}

      <CreateFunctionDialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        defaultRuntime={createDefaults.runtime}
        defaultRole={createDefaults.role}
        roleRequired={createDefaults.roleRequired}
        initialDurable={initialCreateDurable}
      />
      {deleting ? (
        <DeleteFunctionDialog
          functionName={deleting}
          open
          onOpenChange={(open) => {
            if (!open) setDeleting(undefined);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
