"use server";
/** Durable-execution writes: start (an asynchronous invoke), stop, and the three callback answers. */
import {
  sendDurableExecutionCallbackFailure,
  sendDurableExecutionCallbackHeartbeat,
  sendDurableExecutionCallbackSuccess,
  startDurableExecution,
  stopDurableExecution,
} from "@/lib/aws/durable-executions";
import {
  CallbackHeartbeatFormSchema,
  SendCallbackFailureFormSchema,
  SendCallbackSuccessFormSchema,
  StartDurableExecutionFormSchema,
  StopDurableExecutionFormSchema,
} from "@/lib/durable-forms";
import { ActionFailure, defineAction } from "./define-action";

export const startDurableExecutionAction = defineAction(StartDurableExecutionFormSchema, async (input) => {
  const out = await startDurableExecution({
    functionName: input.functionName,
    ...(input.qualifier ? { qualifier: input.qualifier } : {}),
    ...(input.name ? { name: input.name } : {}),
    payload: input.payload,
  });
  // A function without DurableConfig runs as a plain asynchronous invoke: there is no execution to open.
  if (!out.DurableExecutionArn) {
    throw new ActionFailure({
      code: "NotDurable",
      message: `${input.functionName} answered without a durable execution ARN; is it a durable function?`,
    });
  }
  return { durableExecutionArn: out.DurableExecutionArn };
});

export const stopDurableExecutionAction = defineAction(StopDurableExecutionFormSchema, async (input) =>
  stopDurableExecution(
    input.executionArn,
    input.errorType || input.errorMessage
      ? {
          ...(input.errorType ? { ErrorType: input.errorType } : {}),
          ...(input.errorMessage ? { ErrorMessage: input.errorMessage } : {}),
        }
      : undefined,
  ),
);

export const sendCallbackSuccessAction = defineAction(SendCallbackSuccessFormSchema, async (input) => {
  await sendDurableExecutionCallbackSuccess(input.callbackId, input.result);
  return { callbackId: input.callbackId };
});

export const sendCallbackFailureAction = defineAction(SendCallbackFailureFormSchema, async (input) => {
  await sendDurableExecutionCallbackFailure(input.callbackId, {
    ...(input.errorType ? { ErrorType: input.errorType } : {}),
    ...(input.errorMessage ? { ErrorMessage: input.errorMessage } : {}),
    ...(input.errorData ? { ErrorData: input.errorData } : {}),
  });
  return { callbackId: input.callbackId };
});

export const sendCallbackHeartbeatAction = defineAction(CallbackHeartbeatFormSchema, async (input) => {
  await sendDurableExecutionCallbackHeartbeat(input.callbackId);
  return { callbackId: input.callbackId };
});
