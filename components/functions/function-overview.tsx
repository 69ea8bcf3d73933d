"use client";

import Link from "next/link";
import { Arn } from "@/components/common/arn";
import { formatBytes } from "@/components/common/format-bytes";
import { MonoValue, NoneValue, Property, PropertyCard } from "@/components/common/properties";
import { RelativeTime } from "@/components/common/relative-time";
import { StateBadge } from "@/components/common/state-badge";
import { Button } from "@/components/ui/button";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { CodeProperties, DurableProperty, RuntimeProperties } from "./config-properties";
import { FunctionTabSkeleton } from "./function-skeletons";

function Reason({ code, text }: { code?: string; text?: string }) {
  if (!code && !text) return null;
  return (
    <p className="text-muted-foreground mt-1 text-xs">
      {code ? <code className="font-mono">{code}</code> : null}
      {code && text ? " — " : null}
      {text}
    </p>
  );
}

export function FunctionOverview({ name }: { name: string }) {
  const { data } = useFunction(name);
  if (!data) return <FunctionTabSkeleton />;
  const c = data.Configuration;
  const envCount = Object.keys(c.Environment?.Variables ?? {}).length;
  const tags = Object.entries(data.Tags ?? {});

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <PropertyCard title="Function">
        <Property label="Function ARN">
          {c.FunctionArn ? <Arn value={c.FunctionArn} label="function ARN" /> : <NoneValue />}
        </Property>
        <RuntimeProperties config={c} />
      </PropertyCard>

      <PropertyCard title="State">
        <Property label="State">
          <StateBadge state={c.State} />
          <Reason code={c.StateReasonCode} text={c.StateReason} />
        </Property>
        <Property label="Last update">
          {c.LastUpdateStatus ? <StateBadge state={c.LastUpdateStatus} /> : <NoneValue />}
          <Reason code={c.LastUpdateStatusReasonCode} text={c.LastUpdateStatusReason} />
        </Property>
        <Property label="Last modified">
          <RelativeTime value={c.LastModified} />
        </Property>
        <Property label="Version">
          <MonoValue>{c.Version ?? "$LATEST"}</MonoValue>
        </Property>
        <Property label="Revision ID">{c.RevisionId ? <MonoValue>{c.RevisionId}</MonoValue> : <NoneValue />}</Property>
      </PropertyCard>

      <PropertyCard title="Code">
        <Property label="Package type">{c.PackageType ?? "Zip"}</Property>
        <Property label="Code size">
          <span
            className="tabular"
            title={c.CodeSize !== undefined ? `${c.CodeSize.toLocaleString("en")} bytes` : undefined}
          >
            {formatBytes(c.CodeSize)}
          </span>
        </Property>
        <CodeProperties config={c} />
      </PropertyCard>

      <PropertyCard
        title="Settings"
        action={
          <Button variant="outline" size="sm" className="h-7" asChild>
            <Link href={routes.function(name, "configuration")}>Edit</Link>
          </Button>
        }
      >
        <Property label="Description">
          {c.Description ? <span className="break-words">{c.Description}</span> : <NoneValue>No description</NoneValue>}
        </Property>
        <Property label="Execution role">{c.Role ? <Arn value={c.Role} label="role ARN" /> : <NoneValue />}</Property>
        <Property label="Environment">
          {envCount === 0 ? (
            <NoneValue>No variables</NoneValue>
          ) : (
            <Link href={routes.function(name, "configuration")} className="text-primary hover:underline">
              {envCount} {envCount === 1 ? "variable" : "variables"}
            </Link>
          )}
        </Property>
        <Property label="Tags">
          {tags.length === 0 ? (
            <NoneValue>No tags</NoneValue>
          ) : (
            <ul className="flex flex-wrap gap-1.5">
              {tags.map(([k, v]) => (
                <li key={k} className="bg-muted rounded-md border px-1.5 py-0.5 font-mono text-xs">
                  {k}
                  <span className="text-muted-foreground">{v ? ` = ${v}` : ""}</span>
                </li>
              ))}
            </ul>
          )}
        </Property>
        <Property label="Log format">{c.LoggingConfig?.LogFormat ?? "Text"}</Property>
        <DurableProperty config={c} executionsHref={routes.function(name, "durable-executions")} />
      </PropertyCard>
    </div>
  );
}
