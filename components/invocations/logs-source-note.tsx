"use client";

import { ExternalLinkIcon, ScrollTextIcon } from "lucide-react";
import { useConnection } from "@/components/layout/connection-context";

/** The CloudWatch console's page for a log group (its path encodes the name twice, `%` written `$`). */
function logGroupUrl(region: string, logGroup: string): string {
  const group = encodeURIComponent(encodeURIComponent(logGroup)).replace(/%/g, "$");
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}`;
}

/**
 * Said once, above invocations read from CloudWatch Logs: where they come from, and what a log cannot
 * tell (payloads, how the function was invoked) — so the missing columns are explained, not blank.
 */
export function LogsSourceNote({ logGroup, detail = false }: { logGroup: string; detail?: boolean }) {
  const connection = useConnection();
  return (
    <p
      role="note"
      aria-label="Where these invocations come from"
      className="text-muted-foreground flex items-start gap-2 text-sm"
    >
      <ScrollTextIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        Read from CloudWatch Logs, log group <code className="text-foreground font-mono text-xs">{logGroup}</code>.{" "}
        {detail
          ? "The log keeps the invocation's lines and metrics, not its request or response payload."
          : "The log keeps each invocation's metrics and lines, not its payloads or how it was invoked."}
        {connection?.kind === "aws" ? (
          <a
            className="text-primary ml-1.5 inline-flex items-center gap-1 underline-offset-4 hover:underline"
            href={logGroupUrl(connection.region, logGroup)}
            target="_blank"
            rel="noreferrer"
          >
            Open in CloudWatch <ExternalLinkIcon className="size-3" aria-hidden />
          </a>
        ) : null}
      </span>
    </p>
  );
}
