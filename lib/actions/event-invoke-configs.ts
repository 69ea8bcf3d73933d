"use server";
/** Asynchronous invocation settings of the function ($LATEST): replace them, or go back to the defaults. */
import { EventInvokeConfigFormSchema, EventInvokeConfigRefSchema } from "@/lib/async-config-forms";
import { deleteFunctionEventInvokeConfig, putFunctionEventInvokeConfig } from "@/lib/aws/event-invoke-configs";
import { defineAction } from "./define-action";

export const putEventInvokeConfigAction = defineAction(EventInvokeConfigFormSchema, async (input) =>
  putFunctionEventInvokeConfig({
    functionName: input.functionName,
    maximumRetryAttempts: input.maximumRetryAttempts,
    maximumEventAgeInSeconds: input.maximumEventAgeInSeconds,
    ...(input.onSuccess ? { onSuccess: input.onSuccess } : {}),
    ...(input.onFailure ? { onFailure: input.onFailure } : {}),
  }),
);

export const deleteEventInvokeConfigAction = defineAction(EventInvokeConfigRefSchema, async (input) => {
  await deleteFunctionEventInvokeConfig(input.functionName);
  return { functionName: input.functionName };
});
