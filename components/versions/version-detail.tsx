"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, LockIcon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { ErrorPanel } from "@/components/common/error-panel";
import { formatBytes } from "@/components/common/format-bytes";
import { MonoValue, NoneValue, Property, PropertyCard } from "@/components/common/properties";
import { RelativeTime } from "@/components/common/relative-time";
import { StateBadge } from "@/components/common/state-badge";
import { CodeProperties, DurableProperty, RuntimeProperties } from "@/components/functions/config-properties";
import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";
import { Button } from "@/components/ui/button";
import { aliasesOptions, versionConfigOptions } from "@/lib/queries/qualifiers";
import { routes } from "@/lib/routes";
import { AliasChips } from "./alias-chips";
import { aliasesByVersion } from "./version-rows";

/** One published version's configuration, read-only: versions are immutable, so nothing here is a form. */
export function VersionDetail({ name, version }: { name: string; version: string }) {
  const config = useQuery(versionConfigOptions(name, version));
  const aliases = useQuery(aliasesOptions(name));

  const back = (
    <Button variant="ghost" size="sm" className="text-muted-foreground -ml-2 h-7" asChild>
      <Link href={routes.function(name, "versions")}>
        <ArrowLeftIcon aria-hidden /> All versions
      </Link>
    </Button>
  );

  if (config.isPending) return <FunctionTabSkeleton />;
  if (config.isError) {
    return (
      <div className="space-y-3">
        {back}
        <ErrorPanel
          error={config.error}
          title={`Could not load version ${version}`}
          onRetry={() => void config.refetch()}
          retrying={config.isFetching}
        />
      </div>
    );
  }
  const c = config.data;
  const env = Object.entries(c.Environment?.Variables ?? {});
  const uses = aliasesByVersion(aliases.data ?? []).get(version) ?? [];

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        {back}
        <div className="flex flex-wrap items-center gap-2.5">
          <h2 className="text-base font-semibold tracking-tight">Version {version}</h2>
          <span className="bg-muted text-muted-foreground inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium">
            <LockIcon className="size-3" aria-hidden /> Read-only
          </span>
        </div>
        {c.Description ? <p className="text-sm">{c.Description}</p> : null}
        <p className="text-muted-foreground text-sm">
          Published versions can&apos;t be changed. To change this one, edit $LATEST and publish it again.
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <PropertyCard title="Function">
          <Property label="Version ARN">
            {c.FunctionArn ? <Arn value={c.FunctionArn} label="version ARN" /> : <NoneValue />}
          </Property>
          <RuntimeProperties config={c} />
          <DurableProperty config={c} />
        </PropertyCard>

        <PropertyCard title="Code and state">
          <Property label="State">
            <StateBadge state={c.State} />
          </Property>
          <Property label="Published">
            <RelativeTime value={c.LastModified} />
          </Property>
          <Property label="Code size">
            <span className="tabular">{formatBytes(c.CodeSize)}</span>
          </Property>
          <CodeProperties config={c} />
          <Property label="Aliases">
            <AliasChips name={name} uses={uses} />
          </Property>
        </PropertyCard>

        <PropertyCard title="Settings">
          <Property label="Execution role">{c.Role ? <Arn value={c.Role} label="role ARN" /> : <NoneValue />}</Property>
          <Property label="Log format">{c.LoggingConfig?.LogFormat ?? "Text"}</Property>
          <Property label="Revision ID">
            {c.RevisionId ? <MonoValue>{c.RevisionId}</MonoValue> : <NoneValue />}
          </Property>
        </PropertyCard>

        <PropertyCard title="Environment variables">
          {env.length === 0 ? (
            <Property label="Variables">
              <NoneValue>No variables</NoneValue>
            </Property>
          ) : (
            env.map(([k, v]) => (
              <Property key={k} label={k} className="[&>dt]:font-mono [&>dt]:text-[0.8125rem]">
                <MonoValue>{v || <NoneValue>(empty)</NoneValue>}</MonoValue>
              </Property>
            ))
          )}
        </PropertyCard>
      </div>
    </div>
  );
}
