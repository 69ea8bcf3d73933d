"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState } from "./empty-state";
import { ErrorPanel } from "./error-panel";
import { RefreshButton } from "./refresh-button";

/**
 * A top-level resource page (layers, code signing configs, capacity providers): title with a count, a
 * refresh button and the primary action, an optional note, then loading / error / empty / the table.
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
  return (
    <PageContainer>
      <PageHeader
        title={title}
        description={countDescription(query.data, noun, region)}
        actions={
          <>
            <RefreshButton label={`Refresh ${noun[1]}`} query={query} size="icon" />
            {action}
          </>
        }
      />
      {note ? <div className="mt-6">{note}</div> : null}
      <div className="mt-6">
        <QueryList
          query={query}
          errorTitle={`Could not list ${noun[1]}`}
          empty={
            <EmptyState icon={empty.icon} title={empty.title} description={empty.description}>
              {action}
            </EmptyState>
          }
        >
          {children}
        </QueryList>
      </div>
    </PageContainer>
  );
}

/** "Loading layers in us-east-1…", "None yet in us-east-1", "3 layers in us-east-1". */
export function countDescription(items: unknown[] | undefined, noun: [string, string], region: string): string {
  if (items === undefined) return `Loading ${noun[1]} in ${region}…`;
  if (items.length === 0) return `None yet in ${region}`;
  return `${items.length} ${items.length === 1 ? noun[0] : noun[1]} in ${region}`;
}

/** A list query's body: skeleton rows while it loads, the error with a retry, the empty state, or the items. */
export function QueryList<T>({
  query,
  errorTitle,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  errorTitle: string;
  empty: React.ReactNode;
  children: (items: T[]) => React.ReactNode;
}) {
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading" className="space-y-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-11 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorPanel
        error={query.error}
        title={errorTitle}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return query.data.length === 0 ? empty : children(query.data);
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
