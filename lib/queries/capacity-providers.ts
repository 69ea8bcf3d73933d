/** Capacity providers. Pending and Deleting providers are polled each second until they settle. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createCapacityProviderAction,
  deleteCapacityProviderAction,
  updateCapacityProviderAction,
} from "@/lib/actions/capacity-providers";
import type { CapacityProvider } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function capacityProvidersOptions() {
  return queryOptions({
    queryKey: queryKeys.capacityProviders.list(),
    queryFn: () => fetchJson<CapacityProvider[]>(routes.api.capacityProviders()),
    staleTime: 15_000,
    refetchInterval: (query) =>
      query.state.data?.some((p) => p.State === "Pending" || p.State === "Deleting") ? 1_000 : false,
  });
}

function useWrite<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.capacityProviders.all() });
    },
  });
}

export function useCreateCapacityProvider() {
  return useWrite((input: ActionInput<typeof createCapacityProviderAction>) => createCapacityProviderAction(input));
}

export function useUpdateCapacityProvider() {
  return useWrite((input: ActionInput<typeof updateCapacityProviderAction>) => updateCapacityProviderAction(input));
}

export function useDeleteCapacityProvider() {
  return useWrite((input: ActionInput<typeof deleteCapacityProviderAction>) => deleteCapacityProviderAction(input));
}
