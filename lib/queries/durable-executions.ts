/**
 * Durable executions: a function's executions page by page, one execution, and its full history. While an
 * execution runs, its detail and history poll (the timeline grows live); once it ends they stop.
 */
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  sendCallbackFailureAction,
  sendCallbackHeartbeatAction,
  sendCallbackSuccessAction,
  startDurableExecutionAction,
  stopDurableExecutionAction,
} from "@/lib/actions/durable-executions";
import { parseDurableExecutionArn } from "@/lib/durable-arn";
import type {
  DurableExecutionDetail,
  DurableExecutionsPage,
  DurableExecutionStatus,
  DurableHistory,
} from "@/lib/durable-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export const DURABLE_EXECUTIONS_PAGE_SIZE = 50;
/** How often a running execution is re-read: often enough that the timeline feels live. */
export const LIVE_POLL_MS = 1_000;
const LARGE_HISTORY = 2_000;

export interface DurableExecutionFilters {
  status?: DurableExecutionStatus;
  name?: string;
  /** A version or alias; the API lists $LATEST's executions without one. */
  qualifier?: string;
}

export function durableExecutionsOptions(functionName: string, filters: DurableExecutionFilters = {}) {
  return infiniteQueryOptions({
    queryKey: queryKeys.durableExecutions.list(functionName, filters),
    queryFn: ({ pageParam }) =>
      fetchJson<DurableExecutionsPage>(
        routes.api.durableExecutions(functionName, {
          ...(pageParam ? { marker: pageParam } : {}),
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.name ? { name: filters.name } : {}),
          ...(filters.qualifier ? { qualifier: filters.qualifier } : {}),
          maxItems: DURABLE_EXECUTIONS_PAGE_SIZE,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.NextMarker,
    staleTime: 5_000,
  });
}

export function durableExecutionOptions(arn: string) {
  return queryOptions({
    queryKey: queryKeys.durableExecutions.detail(arn),
    queryFn: () => fetchJson<DurableExecutionDetail>(routes.api.durableExecution(arn)),
    staleTime: 2_000,
    refetchInterval: (query) => (query.state.data?.Status === "RUNNING" ? LIVE_POLL_MS : false),
  });
}

const CLOSING_EVENTS = new Set(["ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionStopped"]);

/** An execution's history is final once it holds the execution's closing event. */
export function isClosedHistory(history: DurableHistory | undefined): boolean {
  return Boolean(history?.Events.some((e) => e.EventType && CLOSING_EVENTS.has(e.EventType)));
}

export function durableHistoryOptions(arn: string) {
  return queryOptions({
    queryKey: queryKeys.durableExecutions.history(arn),
    queryFn: () => fetchJson<DurableHistory>(routes.api.durableExecutionHistory(arn)),
    staleTime: 2_000,
    // Each poll reads the whole history; a long one is re-read less often so it stays cheap.
    refetchInterval: (query) =>
      query.state.data && !isClosedHistory(query.state.data)
        ? query.state.data.Events.length > LARGE_HISTORY
          ? LIVE_POLL_MS * 5
          : LIVE_POLL_MS
        : false,
  });
}

/** After a write: the execution (detail and history) and its function's lists. */
function useInvalidateExecution() {
  const queryClient = useQueryClient();
  return async (arn: string) => {
    const fn = parseDurableExecutionArn(arn)?.functionName;
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.durableExecutions.execution(arn) }),
      fn ? queryClient.invalidateQueries({ queryKey: queryKeys.durableExecutions.byFunction(fn) }) : undefined,
    ]);
  };
}

export function useStartDurableExecution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof startDurableExecutionAction>) => startDurableExecutionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok)
        await queryClient.invalidateQueries({ queryKey: queryKeys.durableExecutions.byFunction(input.functionName) });
    },
  });
}

export function useStopDurableExecution() {
  const invalidate = useInvalidateExecution();
  return useMutation({
    mutationFn: (input: ActionInput<typeof stopDurableExecutionAction>) => stopDurableExecutionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.executionArn);
    },
  });
}

export function useSendCallbackSuccess() {
  const invalidate = useInvalidateExecution();
  return useMutation({
    mutationFn: (input: ActionInput<typeof sendCallbackSuccessAction>) => sendCallbackSuccessAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.executionArn);
    },
  });
}

export function useSendCallbackFailure() {
  const invalidate = useInvalidateExecution();
  return useMutation({
    mutationFn: (input: ActionInput<typeof sendCallbackFailureAction>) => sendCallbackFailureAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.executionArn);
    },
  });
}

export function useSendCallbackHeartbeat() {
  const invalidate = useInvalidateExecution();
  return useMutation({
    mutationFn: (input: ActionInput<typeof sendCallbackHeartbeatAction>) => sendCallbackHeartbeatAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.executionArn);
    },
  });
}
