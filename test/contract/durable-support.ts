/**
 * Helpers for the durable-execution contract tests: deploy a durable function (nodejs22.x, the durable SDK
 * from the runtime's copy unless the zip bundles one), start executions through Invoke, and read their
 * state and history with the real SDK — polling, never sleeping.
 */
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  type Event,
  type GetDurableExecutionCommandOutput,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { nodeBuild } from "../../emulator/runtime/node-runtimes";
import { eventually } from "../support/control-plane";
import { deploy } from "./runtime-support";

/** Durable functions run on Lambda's nodejs22.x (a fetched Node 22 on a Node 20 host). */
export const DURABLE_RUNTIME = "nodejs22.x";

/** How long a test file's setup may take: on a fresh machine it fetches Node 22 from the npm registry. */
export const SETUP_TIMEOUT_MS = 180_000;

/**
 * A durable function whose index.js is `source` (CommonJS, `require` of the runtime's durable SDK). The
 * Node 22 build is fetched here (once, cached) rather than inside a test's first invoke.
 */
export async function deployDurable(
  client: LambdaClient,
  name: string,
  source: string,
  options: { executionTimeout?: number; retentionDays?: number; timeout?: number; files?: Record<string, string> } = {},
): Promise<void> {
  await nodeBuild(22);
  await deploy(
    client,
    name,
    { ...(source ? { "index.js": source } : {}), ...options.files },
    {
      Runtime: DURABLE_RUNTIME,
      Timeout: options.timeout ?? 10,
      DurableConfig: {
        ExecutionTimeout: options.executionTimeout ?? 120,
        ...(options.retentionDays !== undefined ? { RetentionPeriodInDays: options.retentionDays } : {}),
      },
    },
  );
}

export interface Started {
  arn: string;
  status: number | undefined;
  text: string;
  functionError: string | undefined;
  executedVersion: string | undefined;
}

/** Invoke of a durable function: the execution ARN header, and for RequestResponse its final answer. */
export async function start(
  client: LambdaClient,
  name: string,
  event: unknown,
  options: { type?: "RequestResponse" | "Event"; executionName?: string; qualifier?: string } = {},
): Promise<Started> {
  const out = await client.send(
    new InvokeCommand({
      FunctionName: name,
      InvocationType: options.type ?? "RequestResponse",
      Payload: Buffer.from(JSON.stringify(event)),
      ...(options.executionName ? { DurableExecutionName: options.executionName } : {}),
      ...(options.qualifier ? { Qualifier: options.qualifier } : {}),
    }),
  );
  if (!out.DurableExecutionArn) throw new Error("Invoke answered without X-Amz-Durable-Execution-Arn");
  return {
    arn: out.DurableExecutionArn,
    status: out.StatusCode,
    text: out.Payload ? Buffer.from(out.Payload).toString("utf8") : "",
    functionError: out.FunctionError,
    executedVersion: out.ExecutedVersion,
  };
}

export async function describe(client: LambdaClient, arn: string): Promise<GetDurableExecutionCommandOutput> {
  return client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
}

/** Polls until the execution's status is one of `statuses`. */
export async function until(
  client: LambdaClient,
  arn: string,
  statuses: string[],
  timeoutMs = 20_000,
): Promise<GetDurableExecutionCommandOutput> {
  return eventually(
    () => describe(client, arn),
    (e) => statuses.includes(e.Status ?? ""),
    timeoutMs,
  );
}

/** Every history event, following NextMarker. */
export async function history(client: LambdaClient, arn: string, pageSize = 1000): Promise<Event[]> {
  const events: Event[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(
      new GetDurableExecutionHistoryCommand({
        DurableExecutionArn: arn,
        IncludeExecutionData: true,
        MaxItems: pageSize,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    events.push(...(page.Events ?? []));
    marker = page.NextMarker;
  } while (marker);
  return events;
}

/** `EventType name` for each event that names an operation, for compact assertions on a timeline. */
export function timeline(events: Event[]): string[] {
  return events.map((e) => (e.Name ? `${e.EventType} ${e.Name}` : `${e.EventType}`));
}

/** Polls the history until an event matches (e.g. a CallbackStarted, to learn its CallbackId). */
export async function eventWhere(
  client: LambdaClient,
  arn: string,
  match: (e: Event) => boolean,
  timeoutMs = 20_000,
): Promise<Event> {
  const events = await eventually(
    () => history(client, arn),
    (list) => list.some(match),
    timeoutMs,
  );
  const found = events.find(match);
  if (!found) throw new Error("unreachable");
  return found;
}
