/**
 * Durable-execution verbs, named like the API. The same calls work against the embedded emulator and AWS;
 * each returns plain data (lib/durable-types, timestamps as ISO strings) or throws AwsCallError.
 */
import "server-only";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import type {
  DurableError,
  DurableExecutionDetail,
  DurableExecutionsPage,
  DurableExecutionStatus,
  DurableHistory,
  DurableHistoryEvent,
} from "@/lib/durable-types";
import { lambdaClient } from "./client";
import { call, plain } from "./call";

export interface ListDurableExecutionsInput {
  qualifier?: string;
  /** Only executions with this name. */
  name?: string;
  status?: DurableExecutionStatus;
  marker?: string;
  maxItems?: number;
}

/** One page, newest first (the API's default order). */
export async function listDurableExecutionsByFunction(
  functionName: string,
  input: ListDurableExecutionsInput = {},
): Promise<DurableExecutionsPage> {
  const out = await call(() =>
    lambdaClient().send(
      new ListDurableExecutionsByFunctionCommand({
        FunctionName: functionName,
        Qualifier: input.qualifier,
        DurableExecutionName: input.name,
        // The API takes exactly one status per request.
        ...(input.status ? { Statuses: [input.status] } : {}),
        Marker: input.marker,
        MaxItems: input.maxItems ?? 50,
      }),
    ),
  );
  return plain({
    DurableExecutions: (out.DurableExecutions ?? []) as unknown as DurableExecutionsPage["DurableExecutions"],
    ...(out.NextMarker ? { NextMarker: out.NextMarker } : {}),
  });
}

export async function getDurableExecution(executionArn: string): Promise<DurableExecutionDetail> {
  const out = await call(() =>
    lambdaClient().send(
      new GetDurableExecutionCommand({ DurableExecutionArn: executionArn, IncludeExecutionData: true }),
    ),
  );
  const { $metadata: _metadata, ...execution } = out;
  return plain(execution) as unknown as DurableExecutionDetail;
}

/** The most events the console reads for one execution: 10 pages of the API's maximum. */
export const HISTORY_EVENT_LIMIT = 10_000;
const HISTORY_PAGE_SIZE = 1000;

/**
 * Every page of the history, oldest first, with payloads. Bounded: an execution with more events than
 * HISTORY_EVENT_LIMIT is read up to the bound and marked Truncated, so a huge map cannot stall a page.
 */
export async function getDurableExecutionHistory(
  executionArn: string,
  limit = HISTORY_EVENT_LIMIT,
): Promise<DurableHistory> {
  const events: DurableHistoryEvent[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(
        new GetDurableExecutionHistoryCommand({
          DurableExecutionArn: executionArn,
          IncludeExecutionData: true,
          MaxItems: Math.min(HISTORY_PAGE_SIZE, limit - events.length),
          Marker: marker,
        }),
      ),
    );
    events.push(...(plain(out.Events ?? []) as unknown as DurableHistoryEvent[]));
    marker = out.NextMarker || undefined;
  } while (marker && events.length < limit);
  return { Events: events.slice(0, limit), Truncated: Boolean(marker) };
}

export async function stopDurableExecution(
  executionArn: string,
  error?: DurableError,
): Promise<{ StopTimestamp?: string }> {
  const out = await call(() =>
    lambdaClient().send(new StopDurableExecutionCommand({ DurableExecutionArn: executionArn, Error: error })),
  );
  return plain({ ...(out.StopTimestamp ? { StopTimestamp: out.StopTimestamp } : {}) }) as { StopTimestamp?: string };
}

/** `result` is sent as the raw body, exactly as given (the SDK's callback serdes decides how to read it). */
export async function sendDurableExecutionCallbackSuccess(callbackId: string, result: string): Promise<void> {
  await call(() =>
    lambdaClient().send(
      new SendDurableExecutionCallbackSuccessCommand({
        CallbackId: callbackId,
        Result: new TextEncoder().encode(result),
      }),
    ),
  );
}

export async function sendDurableExecutionCallbackFailure(callbackId: string, error: DurableError): Promise<void> {
  await call(() =>
    lambdaClient().send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: error })),
  );
}

export async function sendDurableExecutionCallbackHeartbeat(callbackId: string): Promise<void> {
  await call(() => lambdaClient().send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId })));
}

export interface StartDurableExecutionInput {
  functionName: string;
  qualifier?: string;
  /** Unique per function; Lambda generates one when absent. */
  name?: string;
  payload: string;
}

/**
 * Starts an execution the way callers do: Invoke with InvocationType Event and DurableExecutionName.
 * Lambda answers 202 at once with the execution's ARN (X-Amz-Durable-Execution-Arn); the run goes on
 * without the caller. (A synchronous start waits for the whole execution, so the console sends those
 * through the invoke-stream route instead: a server action would hold up every other action meanwhile.)
 */
export async function startDurableExecution(
  input: StartDurableExecutionInput,
): Promise<{ DurableExecutionArn?: string; StatusCode?: number; ExecutedVersion?: string }> {
  const out = await call(() =>
    lambdaClient().send(
      new InvokeCommand({
        FunctionName: input.functionName,
        Qualifier: input.qualifier,
        InvocationType: "Event",
        DurableExecutionName: input.name,
        Payload: new TextEncoder().encode(input.payload),
      }),
    ),
  );
  return {
    ...(out.DurableExecutionArn ? { DurableExecutionArn: out.DurableExecutionArn } : {}),
    ...(out.StatusCode !== undefined ? { StatusCode: out.StatusCode } : {}),
    ...(out.ExecutedVersion ? { ExecutedVersion: out.ExecutedVersion } : {}),
  };
}
