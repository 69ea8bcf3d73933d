/** Shared by every lib/aws verb: SDK errors become AwsCallError, SDK output becomes plain JSON data. */
import "server-only";
import { AwsCallError, toAwsError } from "./errors";

/** Runs one SDK call; any failure is rethrown converted, so callers never see SDK error classes. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new AwsCallError(toAwsError(error));
  }
}

/** Drops the SDK's `$metadata` and anything else not JSON, so the value survives RSC and fetch. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
