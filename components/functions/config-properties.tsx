import Link from "next/link";
import { Arn } from "@/components/common/arn";
import { CopyButton } from "@/components/common/copy-button";
import { formatMegabytes, formatSeconds } from "@/components/common/format-bytes";
import { MonoValue, NoneValue, Property } from "@/components/common/properties";
import { formatSpanWords } from "@/components/durable/duration-format";
import type { FunctionConfig } from "@/lib/lambda-types";

/** Runtime, handler, architecture and limits: rows that $LATEST's overview and a version's page share. */
export function RuntimeProperties({ config: c }: { config: FunctionConfig }) {
  return (
    <>
      <Property label="Runtime">
        <MonoValue>{c.Runtime ?? (c.PackageType === "Image" ? "Container image" : "—")}</MonoValue>
      </Property>
      <Property label="Handler">{c.Handler ? <MonoValue>{c.Handler}</MonoValue> : <NoneValue />}</Property>
      <Property label="Architecture">
        <MonoValue>{c.Architectures?.join(", ") ?? "x86_64"}</MonoValue>
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
    </>
  );
}

/** The code's full SHA-256 (with a copy button) and its layers: rows both pages show. */
export function CodeProperties({ config: c }: { config: FunctionConfig }) {
  return (
    <>
      <Property label="Code SHA-256">
        {c.CodeSha256 ? (
          <span className="flex min-w-0 items-center gap-0.5">
            <span className="min-w-0 truncate font-mono text-[0.8125rem]" title={c.CodeSha256}>
              {c.CodeSha256}
            </span>
            <CopyButton value={c.CodeSha256} label="code SHA-256" />
          </span>
        ) : (
          <NoneValue />
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
          <NoneValue>None</NoneValue>
        )}
      </Property>
    </>
  );
}

/** DurableConfig in words: "1 day to finish · history kept 30 days", or Off. */
export function DurableProperty({ config: c, executionsHref }: { config: FunctionConfig; executionsHref?: string }) {
  const d = c.DurableConfig;
  return (
    <Property label="Durable execution">
      {d ? (
        <span className="flex flex-wrap items-baseline gap-x-2">
          <span className="tabular">
            {d.ExecutionTimeout !== undefined ? `${formatSpanWords(d.ExecutionTimeout)} to finish` : "On"}
            {d.RetentionPeriodInDays !== undefined
              ? ` · history kept ${d.RetentionPeriodInDays} ${d.RetentionPeriodInDays === 1 ? "day" : "days"}`
              : ""}
          </span>
          {executionsHref ? (
            <Link href={executionsHref} className="text-primary text-sm hover:underline">
              Executions
            </Link>
          ) : null}
        </span>
      ) : (
        <NoneValue>Off</NoneValue>
      )}
    </Property>
  );
}
