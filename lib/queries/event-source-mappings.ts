/** Event source mappings. While any is changing state (Creating, Enabling, …) the list polls each second. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createEventSourceMappingAction,
  deleteEventSourceMappingAction,
  setEventSourceMappingEnabledAction,
  updateEventSourceMappingAction,
} from "@/lib/actions/event-source-mappings";
import type { EventSourceMapping } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

const SETTLING = new Set(["Creating", "Enabling", "Disabling", "Updating", "Deleting"]);

export function eventSourceMappingsOptions() {
  return queryOptions({
    queryKey: queryKeys.eventSourceMappings.list(),
    queryFn: () => fetchJson<EventSourceMapping[]>(routes.api.eventSourceMappings()),
    staleTime: 10_000,
    refetchInterval: (query) => (query.state.data?.some((m) => SETTLING.has(m.State ?? "")) ? 1_000 : false),
  });
}

function useMappingWrite<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.eventSourceMappings.all() });
    },
  });
}

export function useCreateEventSourceMapping() {
  return useMappingWrite((input: ActionInput<typeof createEventSourceMappingAction>) =>
    createEventSourceMappingAction(input),
  );
}

export function useUpdateEventSourceMapping() {
  return useMappingWrite((input: ActionInput<typeof updateEventSourceMappingAction>) =>
    updateEventSourceMappingAction(input),
  );
}

export function useSetEventSourceMappingEnabled() {
  return useMappingWrite((input: ActionInput<typeof setEventSourceMappingEnabledAction>) =>
    setEventSourceMappingEnabledAction(input),
  );
}

export function useDeleteEventSourceMapping() {
  return useMappingWrite((input: ActionInput<typeof deleteEventSourceMappingAction>) =>
    deleteEventSourceMappingAction(input),
  );
}
