"use server";
/** Concurrency writes: the function's reserved concurrency and provisioned concurrency per qualifier. */
import {
  deleteFunctionConcurrency,
  deleteProvisionedConcurrencyConfig,
  putFunctionConcurrency,
  putProvisionedConcurrencyConfig,
} from "@/lib/aws/concurrency";
import {
  ProvisionedConcurrencyFormSchema,
  ProvisionedConcurrencyRefSchema,
  ReservedConcurrencyFormSchema,
} from "@/lib/concurrency-forms";
import { defineAction } from "./define-action";

export const updateReservedConcurrencyAction = defineAction(ReservedConcurrencyFormSchema, async (input) => {
  if (input.reserved === undefined) {
    await deleteFunctionConcurrency(input.functionName);
    return { reserved: undefined };
  }
  return { reserved: await putFunctionConcurrency(input.functionName, input.reserved) };
});

export const putProvisionedConcurrencyAction = defineAction(ProvisionedConcurrencyFormSchema, async (input) => {
  await putProvisionedConcurrencyConfig(input.functionName, input.qualifier, input.amount);
  return { qualifier: input.qualifier };
});

export const deleteProvisionedConcurrencyAction = defineAction(ProvisionedConcurrencyRefSchema, async (input) => {
  await deleteProvisionedConcurrencyConfig(input.functionName, input.qualifier);
  return { qualifier: input.qualifier };
});
