/** Saved test events: the list query and its writes, which update the cached list in place. */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import {
  createTestEventAction,
  deleteTestEventAction,
  duplicateTestEventAction,
  updateTestEventAction,
} from "@/lib/actions/test-events";
import type { TestEvent } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

type ActionInput<A> = A extends (input: infer I) => Promise<unknown> ? I : never;

export function testEventsOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.testEvents.list(name),
    queryFn: () => fetchJson<TestEvent[]>(routes.api.testEvents(name)),
    staleTime: 30_000,
  });
}

/** Sorted as the server sorts (case-insensitive name), so the list does not jump after a refetch. */
export function sortEvents(events: TestEvent[]): TestEvent[] {
  return [...events].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
}

function upsert(queryClient: QueryClient, event: TestEvent) {
  queryClient.setQueryData(queryKeys.testEvents.list(event.functionName), (old: TestEvent[] | undefined) =>
    sortEvents([...(old ?? []).filter((e) => e.id !== event.id), event]),
  );
}

export function useCreateTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof createTestEventAction>) => createTestEventAction(input),
    onSuccess: (result) => {
      if (result.ok) upsert(queryClient, result.data);
    },
  });
}

export function useUpdateTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof updateTestEventAction>) => updateTestEventAction(input),
    onSuccess: (result) => {
      if (result.ok) upsert(queryClient, result.data);
    },
  });
}

export function useDuplicateTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof duplicateTestEventAction>) => duplicateTestEventAction(input),
    onSuccess: (result) => {
      if (result.ok) upsert(queryClient, result.data);
    },
  });
}

export function useDeleteTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteTestEventAction>) => deleteTestEventAction(input),
    onSuccess: (result, input) => {
      if (!result.ok) return;
      queryClient.setQueryData(queryKeys.testEvents.list(input.functionName), (old: TestEvent[] | undefined) =>
        (old ?? []).filter((e) => e.id !== input.id),
      );
    },
  });
}
