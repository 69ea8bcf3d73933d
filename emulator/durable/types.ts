/**
 * The orchestrator's stored shapes. Operations and history events are kept as the API's Operation and
 * Event, with every timestamp in epoch milliseconds; `wire.ts` turns them into what each caller expects
 * (epoch seconds over HTTP, ISO strings inside the invocation event).
 */

import type {
  DurableEventType,
  DurableExecutionStatus,
  DurableOperationAction,
  DurableOperationStatus,
  DurableOperationType,
} from "../../lib/lambda-model/durable-enums";

// The API's enums, from the reference (shared with the console).
export type ExecutionStatus = DurableExecutionStatus;
export type OperationType = DurableOperationType;
export type OperationStatus = DurableOperationStatus;
export type OperationAction = DurableOperationAction;
export type EventType = DurableEventType;

export interface ErrorObject {
  ErrorType?: string;
  ErrorMessage?: string;
  ErrorData?: string;
  StackTrace?: string[];
}

/** The API's Operation, timestamps in epoch ms. */
export interface OperationDoc {
  Id: string;
  ParentId?: string;
  Name?: string;
  Type: OperationType;
  SubType?: string;
  Status: OperationStatus;
  StartTimestamp: number;
  EndTimestamp?: number;
  ExecutionDetails?: { InputPayload?: string };
  ContextDetails?: { Result?: string; Error?: ErrorObject; ReplayChildren?: boolean };
  StepDetails?: { Attempt?: number; NextAttemptTimestamp?: number; Result?: string; Error?: ErrorObject };
  WaitDetails?: { ScheduledEndTimestamp?: number };
  CallbackDetails?: { CallbackId?: string; Result?: string; Error?: ErrorObject };
  ChainedInvokeDetails?: { Result?: string; Error?: ErrorObject };
}

/** What the orchestrator keeps beside an operation and never shows: its timers' inputs, chained targets. */
export interface OperationMeta {
  /** WAIT: the requested seconds (WaitStarted/WaitSucceeded Duration). */
  waitSeconds?: number;
  /** CALLBACK: when TimeoutSeconds runs out, and when the next heartbeat is due (epoch ms). */
  callbackTimeoutAt?: number;
  heartbeatAt?: number;
  heartbeatSeconds?: number;
  /** CHAINED_INVOKE: what to invoke, and the child execution when the target is durable. */
  chained?: { functionName: string; payload?: string; tenantId?: string; childArn?: string };
  /** EXECUTION: a result checkpointed as an EXECUTION SUCCEED update (too large for the return value). */
  checkpointedResult?: string;
  checkpointedError?: ErrorObject;
}

export interface OperationState {
  op: OperationDoc;
  seq: number;
  meta: OperationMeta;
  /** Changed since the last answer that told the function about it. */
  dirty: boolean;
  /** The operation's next timer (epoch ms), if it has one. */
  dueAt: number | null;
  callbackId: string | null;
  /** In memory only: needs writing. */
  changed: boolean;
}

/** A history event: `<EventType>Details` holds the details object; timestamps in epoch ms. */
export interface EventDoc {
  EventType: EventType;
  SubType?: string;
  EventId: number;
  Id?: string;
  Name?: string;
  EventTimestamp: number;
  ParentId?: string;
  [details: `${string}Details`]: Record<string, unknown>;
}

export interface ExecutionRecord {
  arn: string;
  functionName: string;
  /** The version that runs every invocation: $LATEST or a number. */
  version: string;
  name: string;
  executionId: string;
  status: ExecutionStatus;
  inputPayload: string;
  result: string | null;
  error: ErrorObject | null;
  invocationType: "RequestResponse" | "Event";
  invokedArn: string;
  traceId: string | null;
  tenantId: string | null;
  startedAt: number;
  endedAt: number | null;
  timeoutAt: number;
  executionTimeout: number;
  retentionDays: number;
  /** A chained invoke's child: the parent execution and its CHAINED_INVOKE operation. */
  parentArn: string | null;
  parentOp: string | null;
  /** The checkpoint token the function must send next; null while no invocation runs. */
  token: string | null;
  /** The token the running invocation started with (GetDurableExecutionState paging uses it). */
  firstToken: string | null;
  invocationId: string | null;
  invocationStartedAt: number | null;
  failedInvocations: number;
  runRequested: boolean;
  retryAt: number | null;
  nextSeq: number;
  nextEventId: number;
}

export const TERMINAL_OPERATION: ReadonlySet<OperationStatus> = new Set([
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
  "TIMED_OUT",
  "STOPPED",
]);
