/**
 * CloudWatch Logs verbs, named like the API. The console reads a function's log group here when the
 * connection keeps no invocation records (AWS, other endpoints): see logged-invocations.ts.
 */
import "server-only";
import {
  FilterLogEventsCommand,
  type FilterLogEventsCommandInput,
  type FilterLogEventsCommandOutput,
} from "@aws-sdk/client-cloudwatch-logs";
import { serverConfig } from "@/lib/connection-registry";
import type { ServerConfig } from "@/lib/env";
import { call, plain } from "./call";
import { logsClient } from "./client";

export type FilterLogEventsInput = FilterLogEventsCommandInput;
export type FilterLogEventsOutput = Omit<FilterLogEventsCommandOutput, "$metadata">;

export async function filterLogEvents(
  input: FilterLogEventsInput,
  config: ServerConfig = serverConfig(),
): Promise<FilterLogEventsOutput> {
  const { $metadata: _, ...out } = await call(() => logsClient(config).send(new FilterLogEventsCommand(input)));
  return plain(out);
}
