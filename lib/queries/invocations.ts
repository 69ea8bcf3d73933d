/**
 * Invocations: pages of summaries, newest first, and one in full — the emulator's records, or the
 * function's CloudWatch Logs where there are none (lib/aws/invocations.ts decides).
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/console-error";
import type { InvocationListPage, InvocationStatus, InvocationView } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export const INVOCATIONS_PAGE_SIZE = 50;

/** `since` is the tab's time window (`15m`, `1h`, …): a log search stops there. */
export function invocationsOptions(name: string, filters: { status?: InvocationStatus; since?: string } = {}) {
  return infiniteQueryOptions({
    queryKey: queryKeys.invocations.list(name, filters),
    queryFn: ({ pageParam }) =>
      fetchJson<InvocationListPage>(
        routes.api.invocations(name, {
          ...(pageParam ? { marker: pageParam } : {}),
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.since ? { since: filters.since } : {}),
          maxItems: INVOCATIONS_PAGE_SIZE,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.NextMarker,
    staleTime: 5_000,
  });
}

/**
 * One record. The emulator writes records a few milliseconds after the invocation answers, so a record
 * opened right after an invoke may not exist yet: a 404 is retried briefly before it is believed.
 * `logs` is what a CloudWatch Logs read needs: the function, and when its REPORT was logged if known.
 */
export function invocationOptions(requestId: string, logs: { functionName: string; at?: number }) {
  return queryOptions({
    queryKey: queryKeys.invocations.detail(requestId),
    queryFn: () =>
      fetchJson<InvocationView>(
        routes.api.invocation(requestId, {
          function: logs.functionName,
          ...(logs.at !== undefined ? { at: logs.at } : {}),
        }),
      ),
    staleTime: Infinity,
    retry: (failureCount, error) =>
      error instanceof ApiError && error.code === "ResourceNotFoundException" ? failureCount < 8 : failureCount < 1,
    // Asynchronous (Event) invocations are recorded when they finish, a moment after the 202.
    retryDelay: (attempt) => Math.min(250 * 2 ** attempt, 1500),
  });
}
