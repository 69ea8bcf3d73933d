/**
 * Where an asynchronous invocation's outcome goes: its OnSuccess / OnFailure destination (an invocation
 * record in AWS's shape) and, on failure, the function's dead-letter queue (the event itself).
 * A Lambda destination gets the record as an asynchronous invocation of its own (queued in the same
 * transaction that ends this event). SQS, SNS, EventBridge and S3 do not exist offline: those deliveries
 * are recorded as failed with the reason, in the invocation record and its log — never dropped silently.
 */
import { randomUUID } from "node:crypto";
import { parseFunctionRef } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import { resolveQualifier } from "../functions/qualifiers";
import { arnOf } from "../functions/resolve";
import type { AsyncPolicy } from "./policy";
import type { NewEvent, QueuedEvent } from "./queue-store";
import type { AsyncCondition, Delivery } from "./record-detail";

/** How the event ended, for its invocation record. */
export interface Outcome {
  condition: AsyncCondition;
  /** Runs that ended (approximateInvokeCount). */
  attempts: number;
  /** The version that ran last (or would have run). */
  executedVersion: string;
  /** 200 when the function ran; 429 when it was only ever throttled. */
  statusCode: number;
  functionError?: string;
  /** The last run's answer (the error object when it failed). */
  response?: Buffer;
}

const OFFLINE_SERVICES: Record<string, string> = {
  sqs: "Amazon SQS",
  sns: "Amazon SNS",
  events: "Amazon EventBridge",
  s3: "Amazon S3",
};

function json(buf: Buffer | undefined): unknown {
  if (!buf || buf.length === 0) return null;
  const text = buf.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The record Lambda sends to destinations (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html). */
export function invocationRecord(ctx: EmulatorContext, event: QueuedEvent, outcome: Outcome): unknown {
  return {
    version: "1.0",
    timestamp: new Date().toISOString(),
    requestContext: {
      requestId: event.request_id,
      functionArn: arnOf(ctx, event.function_name, event.qualifier ?? "$LATEST"),
      condition: outcome.condition,
      approximateInvokeCount: outcome.attempts,
    },
    requestPayload: json(event.payload),
    responseContext: {
      statusCode: outcome.statusCode,
      executedVersion: outcome.executedVersion,
      ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
    },
    ...(outcome.response !== undefined ? { responsePayload: json(outcome.response) } : {}),
  };
}

/** The service part of an ARN (`arn:aws:<service>:…`). */
const serviceOf = (arn: string): string => arn.split(":")[2] ?? "";

/**
 * Delivers an ended event's outcome. `enqueue` stores an asynchronous invocation (call this inside the
 * transaction that removes the event, so the record is delivered exactly when the event ends).
 */
export function deliverOutcome(
  ctx: EmulatorContext,
  event: QueuedEvent,
  policy: AsyncPolicy,
  outcome: Outcome,
  deadLetterTarget: string | undefined,
  enqueue: (event: NewEvent) => void,
): Delivery[] {
  const deliveries: Delivery[] = [];
  const success = outcome.condition === "Success";
  const destination = success ? policy.onSuccess : policy.onFailure;
  if (destination) {
    const type = success ? "OnSuccess" : "OnFailure";
    const record = Buffer.from(JSON.stringify(invocationRecord(ctx, event, outcome)));
    deliveries.push(toDestination(ctx, type, destination, event, record, enqueue));
  }
  if (!success && deadLetterTarget) {
    const service = OFFLINE_SERVICES[serviceOf(deadLetterTarget)] ?? `The service of ${deadLetterTarget}`;
    deliveries.push({
      type: "DeadLetter",
      target: deadLetterTarget,
      delivered: false,
      reason: `${service} is not available in the emulator (it runs offline), so the event was not sent to the dead-letter queue.`,
    });
  }
  return deliveries;
}

function toDestination(
  ctx: EmulatorContext,
  type: "OnSuccess" | "OnFailure",
  target: string,
  event: QueuedEvent,
  record: Buffer,
  enqueue: (event: NewEvent) => void,
): Delivery {
  const service = serviceOf(target);
  if (service !== "lambda") {
    const name = OFFLINE_SERVICES[service] ?? `The service of ${target}`;
    return {
      type,
      target,
      delivered: false,
      reason: `${name} is not available in the emulator (it runs offline), so the invocation record was not delivered.`,
    };
  }
  const ref = parseFunctionRef(target);
  const reachable =
    ref && (!ref.region || ref.region === ctx.config.region) && (!ref.account || ref.account === ctx.config.accountId);
  if (!ref || !reachable)
    return { type, target, delivered: false, reason: `Destination ${target} is not a function here.` };
  try {
    resolveQualifier(ctx, ref.name, ref.qualifier);
  } catch (e) {
    return { type, target, delivered: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const requestId = randomUUID();
  enqueue({
    request_id: requestId,
    function_name: ref.name,
    qualifier: ref.qualifier ?? null,
    invoked_arn: arnOf(ctx, ref.name, ref.qualifier),
    payload: record,
    trace_id: null,
    tenant_id: null,
    origin: event.request_id,
    enqueued_at: Date.now(),
  });
  return { type, target, delivered: true, requestId };
}

/** Lines for the invocation's log, so deliveries show where the function's output is read. */
export function deliveryLogLines(deliveries: Delivery[]): string {
  return deliveries
    .map((d) =>
      d.delivered
        ? `ASYNC_DELIVERY ${d.type} ${d.target} delivered (asynchronous invocation ${d.requestId ?? ""})\n`
        : `ASYNC_DELIVERY ${d.type} ${d.target} FAILED: ${d.reason ?? "not delivered"}\n`,
    )
    .join("");
}
