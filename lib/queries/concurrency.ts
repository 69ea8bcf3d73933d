/** Reserved and provisioned concurrency of a function, and the account's unreserved pool. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  deleteProvisionedConcurrencyAction,
  putProvisionedConcurrencyAction,
  updateReservedConcurrencyAction,
} from "@/lib/actions/concurrency";
import type { AccountSettings, ProvisionedConcurrencyConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function accountSettingsOptions() {
  return queryOptions({
    queryKey: queryKeys.account.settings(),
    queryFn: () => fetchJson<AccountSettings>(routes.api.account()),
    staleTime: 30_000,
  });
}

/** Configs poll every 2 s while any is still being allocated (IN_PROGRESS), then stop. */
export function provisionedConcurrencyOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.provisionedConcurrency(name),
    queryFn: () => fetchJson<ProvisionedConcurrencyConfig[]>(routes.api.provisionedConcurrency(name)),
    staleTime: 10_000,
    refetchInterval: (query) => (query.state.data?.some((c) => c.Status === "IN_PROGRESS") ? 2_000 : false),
  });
}

export function useUpdateReservedConcurrency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof updateReservedConcurrencyAction>) => updateReservedConcurrencyAction(input),
    onSuccess: async (result, input) => {
      if (!result.ok) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.functions.detail(input.functionName) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.account.settings() }),
      ]);
    },
  });
}

function useProvisionedWrite<I extends { functionName: string }, R extends { ok: boolean }>(
  action: (input: I) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async (result, input) => {
      if (!result.ok) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.provisionedConcurrency(input.functionName) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.account.settings() }),
      ]);
    },
  });
}

export function usePutProvisionedConcurrency() {
  return useProvisionedWrite((input: ActionInput<typeof putProvisionedConcurrencyAction>) =>
    putProvisionedConcurrencyAction(input),
  );
}

export function useDeleteProvisionedConcurrency() {
  return useProvisionedWrite((input: ActionInput<typeof deleteProvisionedConcurrencyAction>) =>
    deleteProvisionedConcurrencyAction(input),
  );
}
