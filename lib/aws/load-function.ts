/**
 * GetFunction for server components, memoized per request: the function layout and the tab page below it
 * both need it (the layout for the header, the page to answer 404), and should cost one call.
 */
import "server-only";
import { cache } from "react";
import type { ConsoleError } from "@/lib/console-error";
import type { FunctionDetails } from "@/lib/lambda-types";
import { AwsCallError } from "./errors";
import { getFunction } from "./functions";

export type LoadedFunction = { ok: true; data: FunctionDetails } | { ok: false; error: ConsoleError };

export const loadFunction = cache(async (functionName: string): Promise<LoadedFunction> => {
  try {
    return { ok: true, data: await getFunction(functionName) };
  } catch (error) {
    if (error instanceof AwsCallError) return { ok: false, error: error.detail };
    throw error;
  }
});

export function isMissing(result: LoadedFunction): boolean {
  return !result.ok && result.error.code === "ResourceNotFoundException";
}
