import { ExternalLinkIcon, ScrollTextIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { Button } from "@/components/ui/button";
import type { Connection } from "@/lib/connection";

/** CloudWatch Logs' console page for a function's default log group. */
function logGroupUrl(region: string, functionName: string): string {
  const group = `/aws/lambda/${functionName}`.replace(/\//g, "$252F");
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}`;
}

/**
 * Invocation records are kept by the embedded emulator; AWS has no such API. Said plainly, with the way
 * to get the same answers on AWS.
 */
export function RecordsUnavailable({
  functionName,
  connection,
  logGroup,
}: {
  functionName: string;
  connection: Connection | undefined;
  /** The function's LoggingConfig.LogGroup, when it is not the default. */
  logGroup?: string;
}) {
  const group = logGroup ?? `/aws/lambda/${functionName}`;
  const onAws = connection?.kind === "aws";
  return (
    <EmptyState
      icon={ScrollTextIcon}
      title="Invocation history is available with the embedded emulator"
      description={
        <div className="space-y-2">
          <p>
            The emulator records every invocation — payloads, response, log and metrics.{" "}
            {onAws ? "AWS" : "This endpoint"} keeps no such records: on AWS, use CloudWatch Logs. Each invocation writes
            START, END and REPORT lines to the log group <code className="font-mono text-xs">{group}</code>.
          </p>
          <p>The Test tab still shows the response and the log tail of the invocations you run.</p>
        </div>
      }
    >
      {onAws && connection ? (
        <Button variant="outline" asChild>
          <a href={logGroupUrl(connection.region, functionName)} target="_blank" rel="noreferrer">
            Open the log group in CloudWatch <ExternalLinkIcon aria-hidden />
          </a>
        </Button>
      ) : null}
    </EmptyState>
  );
}
