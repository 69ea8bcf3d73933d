/** Code signing configs. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteCodeSigningConfigAction, saveCodeSigningConfigAction } from "@/lib/actions/code-signing";
import type { CodeSigningConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function codeSigningConfigsOptions() {
  return queryOptions({
    queryKey: queryKeys.codeSigningConfigs.list(),
    queryFn: () => fetchJson<CodeSigningConfig[]>(routes.api.codeSigningConfigs()),
    staleTime: 15_000,
  });
}

function useWrite<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.codeSigningConfigs.all() });
    },
  });
}

export function useSaveCodeSigningConfig() {
  return useWrite((input: ActionInput<typeof saveCodeSigningConfigAction>) => saveCodeSigningConfigAction(input));
}

export function useDeleteCodeSigningConfig() {
  return useWrite((input: ActionInput<typeof deleteCodeSigningConfigAction>) => deleteCodeSigningConfigAction(input));
}
