"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorPanel } from "@/components/common/error-panel";
import { formatBytes } from "@/components/common/format-bytes";
import { Skeleton } from "@/components/ui/skeleton";
import { accountSettingsOptions } from "@/lib/queries/concurrency";

function Meter({
  label,
  used,
  limit,
  format,
  joiner = "of",
}: {
  label: string;
  used?: number;
  limit?: number;
  format: (n: number) => string;
  /** "of" draws a bar (used of limit); anything else joins two independent figures. */
  joiner?: string;
}) {
  const share = joiner === "of" && used !== undefined && limit ? Math.min(1, used / limit) : undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="text-muted-foreground">{label}</span>
        <span className="font-mono text-[0.8125rem] tabular-nums">
          {used !== undefined ? format(used) : "—"}
          {limit !== undefined ? (
            <span className="text-muted-foreground">
              {" "}
              {joiner} {format(limit)}
            </span>
          ) : null}
        </span>
      </div>
      {share !== undefined ? (
        <div
          className="bg-muted h-1.5 overflow-hidden rounded-full"
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={used}
        >
          <div className="bg-primary h-full rounded-full" style={{ width: `${Math.max(share * 100, 0.5)}%` }} />
        </div>
      ) : null}
    </div>
  );
}

const count = (n: number) => n.toLocaleString("en-US");

/** GetAccountSettings of the connection in use: the quotas a deploy or a burst of traffic runs into. */
export function AccountPanel() {
  const account = useQuery(accountSettingsOptions());
  return (
    <section aria-labelledby="account-heading" className="bg-card rounded-lg border">
      <div className="border-b px-5 py-3.5">
        <h2 id="account-heading" className="text-sm font-semibold">
          Account limits and usage
        </h2>
        <p className="text-muted-foreground text-xs">For the connection in use, as GetAccountSettings reports them.</p>
      </div>
      <div className="px-5 py-4">
        {account.isPending ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        ) : account.isError ? (
          <ErrorPanel
            error={account.error}
            title="Could not read the account settings"
            onRetry={() => void account.refetch()}
            retrying={account.isFetching}
          />
        ) : (
          <div className="grid gap-x-10 gap-y-4 sm:grid-cols-2">
            <Meter
              label="Code storage"
              used={account.data.TotalCodeSizeUsed}
              limit={account.data.TotalCodeSize}
              format={formatBytes}
            />
            <Meter
              label="Unreserved concurrency"
              used={account.data.UnreservedConcurrentExecutions}
              limit={account.data.ConcurrentExecutions}
              format={count}
            />
            <Meter label="Functions" used={account.data.FunctionCount} format={count} />
            <Meter
              label="Package size limit (zipped / unzipped)"
              format={formatBytes}
              joiner="/"
              {...(account.data.CodeSizeZipped !== undefined ? { used: account.data.CodeSizeZipped } : {})}
              {...(account.data.CodeSizeUnzipped !== undefined ? { limit: account.data.CodeSizeUnzipped } : {})}
            />
          </div>
        )}
      </div>
    </section>
  );
}
