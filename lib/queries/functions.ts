/**
 * Function queries and mutations. The `*Options()` factories serve both the server prefetch (which
 * overrides `queryFn` with the lib/aws verb) and `useQuery` in the browser (which calls app/api).
 */
import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import {
  createFunctionAction,
  deleteFunctionAction,
  updateArchitectureAction,
  updateDurableSettingsAction,
  updateFunctionConfigurationAction,
  updateFunctionLayersAction,
  updateRuntimeSettingsAction,
} from "@/lib/actions/functions";
import type { ActionResult } from "@/lib/actions/result";
import type { FunctionConfig, FunctionDetails, FunctionsPage } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

/** Pages of ListFunctions, followed by `NextMarker`. */
export function functionsListOptions() {
  return infiniteQueryOptions({
    queryKey: queryKeys.functions.list(),
    queryFn: ({ pageParam }) => fetchJson<FunctionsPage>(routes.api.functions({ marker: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.NextMarker,
    staleTime: 15_000,
  });
}

/** A function is "settling" while Lambda still applies a create or an update; poll until it is done. */
export function isSettling(config: FunctionConfig | undefined): boolean {
  return config?.State === "Pending" || config?.LastUpdateStatus === "InProgress";
}

export function functionOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.functions.detail(name),
    queryFn: () => fetchJson<FunctionDetails>(routes.api.function(name)),
    staleTime: 10_000,
    refetchInterval: (query) => (isSettling(query.state.data?.Configuration) ? 1_000 : false),
  });
}

/** The input of a server action. Actions resolve to results (never throw on AWS errors), so a failure is
 * the mutation's `data` with `ok: false`, rendered in place by the form. */
type ActionInput<A> = A extends (input: infer I) => Promise<unknown> ? I : never;

function replaceInList(
  data: InfiniteData<FunctionsPage, string | undefined> | undefined,
  config: FunctionConfig,
): InfiniteData<FunctionsPage, string | undefined> | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      Functions: page.Functions.map((f) => (f.FunctionName === config.FunctionName ? { ...f, ...config } : f)),
    })),
  };
}

export function useCreateFunction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof createFunctionAction>) => createFunctionAction(input),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.functions.lists() });
    },
  });
}

/** A write whose answer is the function's new configuration (UpdateFunctionConfiguration/Code). */
function useConfigurationWrite<I>(action: (input: I) => Promise<ActionResult<FunctionConfig>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async (result: ActionResult<FunctionConfig>) => {
      if (!result.ok) return;
      const config = result.data;
      const name = config.FunctionName;
      if (name) {
        // The response is the new configuration: show it at once, then let the detail query refetch
        // (and poll while LastUpdateStatus is InProgress).
        queryClient.setQueryData(queryKeys.functions.detail(name), (old: FunctionDetails | undefined) =>
          old ? { ...old, Configuration: config } : old,
        );
        queryClient.setQueryData(queryKeys.functions.list(), (old: InfiniteData<FunctionsPage, string | undefined>) =>
          replaceInList(old, config),
        );
        await queryClient.invalidateQueries({ queryKey: queryKeys.functions.detail(name) });
      }
    },
  });
}

export function useUpdateFunctionConfiguration() {
  return useConfigurationWrite(updateFunctionConfigurationAction);
}

export function useUpdateRuntimeSettings() {
  return useConfigurationWrite(updateRuntimeSettingsAction);
}

export function useUpdateArchitecture() {
  return useConfigurationWrite(updateArchitectureAction);
}

export function useUpdateFunctionLayers() {
  return useConfigurationWrite(updateFunctionLayersAction);
}

export function useUpdateDurableSettings() {
  return useConfigurationWrite(updateDurableSettingsAction);
}

export function useDeleteFunction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteFunctionAction>) => deleteFunctionAction(input),
    onSuccess: async (result) => {
      if (!result.ok) return;
      queryClient.removeQueries({ queryKey: queryKeys.functions.detail(result.data.functionName) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.functions.lists() });
    },
  });
}
