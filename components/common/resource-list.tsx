"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { RotateCwIcon, type LucideIcon } from "lucide-react";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { EmptyState } from "./empty-state";
import { ErrorPanel } from "./error-panel";

/**
 * A top-level resource page (code signing configs, capacity providers): title with a count, a refresh
 * button and the primary action, an optional note, then loading / error / empty / the table.
 */
export function ResourceList<T>({
  title,
  noun,
  region,
  query,
  action,
  note,
  empty,
  children,
}: {
  title: string;
  /** Singular and plural, for "3 configs in us-east-1". */
  noun: [string, string];
  region: string;
  query: UseQueryResult<T[]>;
  action: React.ReactNode;
  note?: React.ReactNode;
  empty: { icon: LucideIcon; title: string; description: string };
  children: (items: T[]) => React.ReactNode;
}) {
  const items = query.data;
  return (
    <PageContainer>
      <PageHeader
        title={title}
        description={
          items === undefined
            ? `Loading ${noun[1]} in ${region}…`
            : items.length === 0
              ? `None yet in ${region}`
              : `${items.length} ${items.length === 1 ? noun[0] : noun[1]} in ${region}`
        }
        actions={
          <>
            <Tooltip>
              <TooltipTrigger asChild>
                <Button
                  variant="outline"
                  size="icon"
                  aria-label={`Refresh ${noun[1]}`}
                  onClick={() => void query.refetch()}
                  disabled={query.isFetching}
                >
                  <RotateCwIcon className={query.isRefetching ? "animate-spin" : undefined} aria-hidden />
                </Button>
              </TooltipTrigger>
              <TooltipContent>Refresh</TooltipContent>
            </Tooltip>
            {action}
          </>
        }
      />
      {note ? <div className="mt-6">{note}</div> : null}
      <div className="mt-6">
        {query.isPending ? (
          <div role="status" aria-label="Loading" className="space-y-2">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-11 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <ErrorPanel
            error={query.error}
            title={`Could not list ${noun[1]}`}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : query.data.length === 0 ? (
          <EmptyState icon={empty.icon} title={empty.title} description={empty.description}>
            {action}
          </EmptyState>
        ) : (
          children(query.data)
        )}
      </div>
    </PageContainer>
  );
}

/** The info callout a page shows about the emulator's limits. */
export function EmulatorNote({ children, icon: Icon }: { children: React.ReactNode; icon: LucideIcon }) {
  return (
    <div
      role="note"
      className="border-primary/25 bg-accent text-accent-foreground flex items-start gap-2.5 rounded-lg border px-4 py-3 text-sm"
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>{children}</div>
    </div>
  );
}
