"use client";

import Link from "next/link";
import { Arn } from "@/components/common/arn";
import { CopyButton } from "@/components/common/copy-button";
import { formatBytes, formatMegabytes, formatSeconds } from "@/components/common/format-bytes";
import { Property, PropertyCard } from "@/components/common/properties";
import { RelativeTime } from "@/components/common/relative-time";
import { StateBadge } from "@/components/common/state-badge";
import { Button } from "@/components/ui/button";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { FunctionTabSkeleton } from "./function-skeletons";

const Mono = ({ children }: { children: React.ReactNode }) => (
  <span className="font-mono text-[0.8125rem] break-all">{children}</span>
);
const None = ({ children = "—" }: { children?: React.ReactNode }) => (
  <span className="text-muted-foreground">{children}</span>
);

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
          {c.FunctionArn ? <Arn value={c.FunctionArn} label="function ARN" /> : <None />}
        </Property>
        <Property label="Runtime">
          <Mono>{c.Runtime ?? (c.PackageType === "Image" ? "Container image" : "—")}</Mono>
        </Property>
        <Property label="Handler">{c.Handler ? <Mono>{c.Handler}</Mono> : <None />}</Property>
        <Property label="Architecture">
          <Mono>{c.Architectures?.join(", ") ?? "x86_64"}</Mono>
        </Property>
        <Property label="Memory">
          <span className="tabular">{formatMegabytes(c.MemorySize)}</span>
        </Property>
        <Property label="Timeout">
          <span className="tabular">{formatSeconds(c.Timeout)}</span>
        </Property>
        <Property label="Ephemeral storage">
          <span className="tabular">{formatMegabytes(c.EphemeralStorage?.Size ?? 512)}</span>
        </Property>
      </PropertyCard>

      <PropertyCard title="State">
        <Property label="State">
          <StateBadge state={c.State} />
          <Reason code={c.StateReasonCode} text={c.StateReason} />
        </Property>
        <Property label="Last update">
          {c.LastUpdateStatus ? <StateBadge state={c.LastUpdateStatus} /> : <None />}
          <Reason code={c.LastUpdateStatusReasonCode} text={c.LastUpdateStatusReason} />
        </Property>
        <Property label="Last modified">
          <RelativeTime value={c.LastModified} />
        </Property>
        <Property label="Version">
          <Mono>{c.Version ?? "$LATEST"}</Mono>
        </Property>
        <Property label="Revision ID">{c.RevisionId ? <Mono>{c.RevisionId}</Mono> : <None />}</Property>
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
        <Property label="Code SHA-256">
          {c.CodeSha256 ? (
            <span className="flex min-w-0 items-center gap-0.5">
              <span className="min-w-0 truncate font-mono text-[0.8125rem]" title={c.CodeSha256}>
                {c.CodeSha256}
              </span>
              <CopyButton value={c.CodeSha256} label="code SHA-256" />
            </span>
          ) : (
            <None />
          )}
        </Property>
        <Property label="Layers">
          {c.Layers && c.Layers.length > 0 ? (
            <ul className="space-y-1">
              {c.Layers.map((l) =>
                l.Arn ? (
                  <li key={l.Arn}>
                    <Arn value={l.Arn} label="layer ARN" />
                  </li>
                ) : null,
              )}
            </ul>
          ) : (
            <None>None</None>
          )}
        </Property>
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
          {c.Description ? <span className="break-words">{c.Description}</span> : <None>No description</None>}
        </Property>
        <Property label="Execution role">{c.Role ? <Arn value={c.Role} label="role ARN" /> : <None />}</Property>
        <Property label="Environment">
          {envCount === 0 ? (
            <None>No variables</None>
          ) : (
            <Link href={routes.function(name, "configuration")} className="text-primary hover:underline">
              {envCount} {envCount === 1 ? "variable" : "variables"}
            </Link>
          )}
        </Property>
        <Property label="Tags">
          {tags.length === 0 ? (
            <None>No tags</None>
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
      </PropertyCard>
    </div>
  );
}
