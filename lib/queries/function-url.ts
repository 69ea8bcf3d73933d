/** The function's URL, its writes (which also change the policy for public URLs), and test requests. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  allowPublicUrlAccessAction,
  createFunctionUrlAction,
  deleteFunctionUrlAction,
  updateFunctionUrlAction,
} from "@/lib/actions/function-urls";
import type { UrlTestRequestSchema } from "@/lib/function-url-forms";
import type { FunctionUrlConfig, UrlTestResult } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function functionUrlOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.functionUrl(name),
    queryFn: () => fetchJson<FunctionUrlConfig | null>(routes.api.functionUrl(name)),
    staleTime: 15_000,
  });
}

function useInvalidateUrl() {
  const queryClient = useQueryClient();
  return (name: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.functionUrl(name) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.policy(name) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.functions.detail(name) }),
    ]);
}

function useUrlWrite<I extends { functionName: string }, R>(action: (input: I) => Promise<R>) {
  const invalidate = useInvalidateUrl();
  return useMutation({
    mutationFn: (input: I) => action(input),
    // Invalidated after failures too: a create can save the URL and then fail on its permission.
    onSettled: async (_result, _error, input) => {
      await invalidate(input.functionName);
    },
  });
}

export function useCreateFunctionUrl() {
  return useUrlWrite((input: ActionInput<typeof createFunctionUrlAction>) => createFunctionUrlAction(input));
}

export function useUpdateFunctionUrl() {
  return useUrlWrite((input: ActionInput<typeof updateFunctionUrlAction>) => updateFunctionUrlAction(input));
}

export function useDeleteFunctionUrl() {
  return useUrlWrite((input: ActionInput<typeof deleteFunctionUrlAction>) => deleteFunctionUrlAction(input));
}

export function useAllowPublicUrlAccess() {
  return useUrlWrite((input: ActionInput<typeof allowPublicUrlAccessAction>) => allowPublicUrlAccessAction(input));
}

/** Sends a request through the console's server (a route handler: it invokes the function). */
export function useTestFunctionUrl(name: string) {
  return useMutation({
    mutationFn: (input: UrlTestRequestSchema) =>
      fetchJson<UrlTestResult>(routes.api.functionUrlTest(name), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      }),
  });
}
