"use server";
/**
 * Function URL writes. Like the AWS console (not the API), a public URL (AuthType NONE) comes with the
 * resource-policy statements that let anyone call it, and loses them when it becomes IAM-only or goes.
 */
import { AwsCallError } from "@/lib/aws/errors";
import { createFunctionUrlConfig, deleteFunctionUrlConfig, updateFunctionUrlConfig } from "@/lib/aws/function-urls";
import { addPermission, removePermission } from "@/lib/aws/policies";
import type { ConsoleError } from "@/lib/console-error";
import { PUBLIC_URL_STATEMENTS } from "@/lib/function-url-permissions";
import type { FunctionUrlConfig } from "@/lib/lambda-types";
import { FunctionUrlFormSchema, FunctionUrlRefSchema } from "@/lib/function-url-forms";
import { defineAction } from "./define-action";

export interface SavedFunctionUrl {
  config: FunctionUrlConfig;
  /** The URL is saved but its public permission could not be added (or removed). */
  permissionError?: ConsoleError;
}

/** Adds both public statements; ones that already exist are fine. */
async function allowPublicAccess(functionName: string): Promise<void> {
  for (const statement of PUBLIC_URL_STATEMENTS) {
    try {
      await addPermission({ functionName, ...statement });
    } catch (error) {
      if (error instanceof AwsCallError && error.detail.code === "ResourceConflictException") continue;
      throw error;
    }
  }
}

/** Removes the public statements; ones already gone are fine. */
async function revokePublicAccess(functionName: string): Promise<void> {
  for (const statement of PUBLIC_URL_STATEMENTS) {
    try {
      await removePermission({ functionName, statementId: statement.statementId });
    } catch (error) {
      if (error instanceof AwsCallError && error.detail.code === "ResourceNotFoundException") continue;
      throw error;
    }
  }
}

/** The policy step runs after the URL is saved; its failure is reported beside the saved URL, not as one. */
async function withPolicy(config: FunctionUrlConfig, step: () => Promise<void>): Promise<SavedFunctionUrl> {
  try {
    await step();
    return { config };
  } catch (error) {
    if (error instanceof AwsCallError) return { config, permissionError: error.detail };
    throw error;
  }
}

export const createFunctionUrlAction = defineAction(FunctionUrlFormSchema, async (input) => {
  const config = await createFunctionUrlConfig({
    functionName: input.functionName,
    authType: input.authType,
    invokeMode: input.invokeMode,
    ...(input.cors ? { cors: input.cors } : {}),
  });
  return withPolicy(config, async () => {
    if (input.authType === "NONE") await allowPublicAccess(input.functionName);
  });
});

export const updateFunctionUrlAction = defineAction(FunctionUrlFormSchema, async (input) => {
  const config = await updateFunctionUrlConfig({
    functionName: input.functionName,
    authType: input.authType,
    invokeMode: input.invokeMode,
    ...(input.cors ? { cors: input.cors } : {}),
  });
  return withPolicy(config, () =>
    input.authType === "NONE" ? allowPublicAccess(input.functionName) : revokePublicAccess(input.functionName),
  );
});

export const deleteFunctionUrlAction = defineAction(FunctionUrlRefSchema, async (input) => {
  await deleteFunctionUrlConfig(input.functionName);
  await revokePublicAccess(input.functionName);
  return { functionName: input.functionName };
});

/** Repairs a public URL whose statements are missing (created by the CLI or an SDK, which add none). */
export const allowPublicUrlAccessAction = defineAction(FunctionUrlRefSchema, async (input) => {
  await allowPublicAccess(input.functionName);
  return { functionName: input.functionName };
});
