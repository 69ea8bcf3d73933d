/**
 * Durable executions as the console carries them: the Lambda API's shapes (GetDurableExecution,
 * ListDurableExecutionsByFunction, GetDurableExecutionHistory) with timestamps as ISO-8601 strings, so
 * they survive RSC, route handlers and the query cache unchanged. lib/aws returns these.
 */

import type { DurableEventType, DurableExecutionStatus } from "@/lib/lambda-model/durable-enums";

// The enums come from the reference, like the emulator's.
export {
  DURABLE_EXECUTION_STATUSES,
  type DurableEventType,
  type DurableExecutionStatus,
  type DurableOperationStatus,
  type DurableOperationType,
} from "@/lib/lambda-model/durable-enums";

/** The API's ErrorObject (execution, step, callback and invocation errors). */
export interface DurableError {
  ErrorType?: string;
  ErrorMessage?: string;
  ErrorData?: string;
  StackTrace?: string[];
}

/** One entry of ListDurableExecutionsByFunction. */
export interface DurableExecutionSummary {
  DurableExecutionArn: string;
  DurableExecutionName: string;
  FunctionArn?: string;
  Status: DurableExecutionStatus;
  StartTimestamp: string;
  EndTimestamp?: string;
}

export interface DurableExecutionsPage {
  DurableExecutions: DurableExecutionSummary[];
  NextMarker?: string;
}

/** GetDurableExecution. */
export interface DurableExecutionDetail extends DurableExecutionSummary {
  InputPayload?: string;
  Result?: string;
  Error?: DurableError;
  Version?: string;
  DurableConfig?: { ExecutionTimeout?: number; RetentionPeriodInDays?: number };
}

/** A payload in a history event; `Truncated` when the service cut it. */
export interface EventPayload {
  Payload?: string;
  Truncated?: boolean;
}

export interface EventErrorPayload {
  Payload?: DurableError;
  Truncated?: boolean;
}

export interface RetryDetails {
  CurrentAttempt?: number;
  NextAttemptDelaySeconds?: number;
}

/** One history event (GetDurableExecutionHistory's Event), every detail member optional as on the wire. */
export interface DurableHistoryEvent {
  /** Typed loosely on purpose: a newer service may send types this console does not know yet. */
  EventType?: DurableEventType | (string & {});
  SubType?: string;
  EventId?: number;
  /** The operation's id; absent on InvocationCompleted. */
  Id?: string;
  Name?: string;
  EventTimestamp?: string;
  ParentId?: string;
  ExecutionStartedDetails?: { Input?: EventPayload; ExecutionTimeout?: number };
  ExecutionSucceededDetails?: { Result?: EventPayload };
  ExecutionFailedDetails?: { Error?: EventErrorPayload };
  ExecutionTimedOutDetails?: { Error?: EventErrorPayload };
  ExecutionStoppedDetails?: { Error?: EventErrorPayload };
  ContextStartedDetails?: Record<string, never>;
  ContextSucceededDetails?: { Result?: EventPayload };
  ContextFailedDetails?: { Error?: EventErrorPayload };
  WaitStartedDetails?: { Duration?: number; ScheduledEndTimestamp?: string };
  WaitSucceededDetails?: { Duration?: number };
  WaitCancelledDetails?: { Error?: EventErrorPayload };
  StepStartedDetails?: Record<string, never>;
  StepSucceededDetails?: { Result?: EventPayload; RetryDetails?: RetryDetails };
  StepFailedDetails?: { Error?: EventErrorPayload; RetryDetails?: RetryDetails };
  ChainedInvokeStartedDetails?: {
    FunctionName?: string;
    Input?: EventPayload;
    DurableExecutionArn?: string;
    ExecutedVersion?: string;
    TenantId?: string;
  };
  ChainedInvokeSucceededDetails?: { Result?: EventPayload };
  ChainedInvokeFailedDetails?: { Error?: EventErrorPayload };
  ChainedInvokeTimedOutDetails?: { Error?: EventErrorPayload };
  ChainedInvokeStoppedDetails?: { Error?: EventErrorPayload };
  CallbackStartedDetails?: { CallbackId?: string; Timeout?: number; HeartbeatTimeout?: number; Input?: EventPayload };
  CallbackSucceededDetails?: { Result?: EventPayload };
  CallbackFailedDetails?: { Error?: EventErrorPayload };
  CallbackTimedOutDetails?: { Error?: EventErrorPayload };
  InvocationCompletedDetails?: {
    StartTimestamp?: string;
    EndTimestamp?: string;
    RequestId?: string;
    Error?: EventErrorPayload;
  };
}

/** Every page of GetDurableExecutionHistory, oldest first, up to the console's bound. */
export interface DurableHistory {
  Events: DurableHistoryEvent[];
  /** More events exist than the console read (the bound was reached). */
  Truncated: boolean;
}

/** DurableConfig on a function's configuration. */
export interface DurableConfig {
  ExecutionTimeout?: number;
  RetentionPeriodInDays?: number;
}
