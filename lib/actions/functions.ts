"use server";
/** Function writes. Each action = a shared form schema + one lib/aws verb (DESIGN.md §3). */
import {
  ArchitectureFormSchema,
  CreateFunctionFormSchema,
  DeleteFunctionFormSchema,
  DurableSettingsFormSchema,
  FunctionLayersFormSchema,
  RuntimeSettingsFormSchema,
  UpdateFunctionConfigurationFormSchema,
} from "@/lib/function-forms";
import { updateFunctionArchitecture } from "@/lib/aws/code";
import { createFunction, deleteFunction, updateFunctionConfiguration } from "@/lib/aws/functions";
import { starterZip } from "@/lib/starter-code";
import { defineAction } from "./define-action";

export const createFunctionAction = defineAction(CreateFunctionFormSchema, async (input) =>
  createFunction({
    functionName: input.functionName,
    runtime: input.runtime,
    handler: input.handler,
    role: input.role,
    architecture: input.architecture,
    memorySize: input.memorySize,
    timeout: input.timeout,
    ...(input.description ? { description: input.description } : {}),
    ...(input.durableConfig ? { durableConfig: input.durableConfig } : {}),
    zipFile: starterZip(input.runtime, { durable: Boolean(input.durableConfig) }),
  }),
);

export const updateFunctionConfigurationAction = defineAction(UpdateFunctionConfigurationFormSchema, async (input) =>
  updateFunctionConfiguration({
    functionName: input.functionName,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
    description: input.description,
    memorySize: input.memorySize,
    timeout: input.timeout,
    environment: input.environment,
  }),
);

export const deleteFunctionAction = defineAction(DeleteFunctionFormSchema, async (input) => {
  await deleteFunction(input.functionName);
  return { functionName: input.functionName };
});

export const updateRuntimeSettingsAction = defineAction(RuntimeSettingsFormSchema, async (input) =>
  updateFunctionConfiguration({
    functionName: input.functionName,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
    runtime: input.runtime,
    handler: input.handler,
  }),
);

export const updateArchitectureAction = defineAction(ArchitectureFormSchema, async (input) =>
  updateFunctionArchitecture({
    functionName: input.functionName,
    architecture: input.architecture,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  }),
);

export const updateFunctionLayersAction = defineAction(FunctionLayersFormSchema, async (input) =>
  updateFunctionConfiguration({
    functionName: input.functionName,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
    layers: input.layers,
  }),
);

export const updateDurableSettingsAction = defineAction(DurableSettingsFormSchema, async (input) =>
  updateFunctionConfiguration({
    functionName: input.functionName,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
    durableConfig: input.durableConfig,
  }),
);
