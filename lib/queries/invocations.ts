/** Invocation records (emulator extension): pages of summaries, newest first, and one record in full. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/console-error";
import type { InvocationDetail, InvocationsPage, InvocationStatus } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export const INVOCATIONS_PAGE_SIZE = 50;

export function invocationsOptions(name: string, filters: { status?: InvocationStatus } = {}) {
  return infiniteQueryOptions({
    queryKey: queryKeys.invocations.list(name, filters),
    queryFn: ({ pageParam }) =>
      fetchJson<InvocationsPage>(
        routes.api.invocations(name, {
          ...(pageParam ? { marker: pageParam } : {}),
          ...(filters.status ? { status: filters.status } : {}),
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
 */
export function invocationOptions(requestId: string) {
  return queryOptions({
    queryKey: queryKeys.invocations.detail(requestId),
    queryFn: () => fetchJson<InvocationDetail>(routes.api.invocation(requestId)),
    staleTime: Infinity,
    retry: (failureCount, error) =>
      error instanceof ApiError && error.code === "ResourceNotFoundException" ? failureCount < 8 : failureCount < 1,
    // Asynchronous (Event) invocations are recorded when they finish, a moment after the 202.
    retryDelay: (attempt) => Math.min(250 * 2 ** attempt, 1500),
  });
}
