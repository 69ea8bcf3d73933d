/** The function's asynchronous invocation settings. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteEventInvokeConfigAction, putEventInvokeConfigAction } from "@/lib/actions/event-invoke-configs";
import type { EventInvokeConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function eventInvokeConfigOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.eventInvokeConfig(name),
    queryFn: () => fetchJson<EventInvokeConfig | null>(routes.api.eventInvokeConfig(name)),
    staleTime: 15_000,
  });
}

export function usePutEventInvokeConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof putEventInvokeConfigAction>) => putEventInvokeConfigAction(input),
    onSuccess: (result, input) => {
      if (result.ok) queryClient.setQueryData(queryKeys.eventInvokeConfig(input.functionName), result.data);
    },
  });
}

export function useDeleteEventInvokeConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteEventInvokeConfigAction>) => deleteEventInvokeConfigAction(input),
    onSuccess: (result, input) => {
      if (result.ok) queryClient.setQueryData(queryKeys.eventInvokeConfig(input.functionName), null);
    },
  });
}
