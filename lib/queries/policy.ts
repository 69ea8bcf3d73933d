/** The function's resource-based policy and its writes. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { addPermissionAction, removePermissionAction } from "@/lib/actions/policies";
import type { FunctionPolicy } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function policyOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.policy(name),
    queryFn: () => fetchJson<FunctionPolicy>(routes.api.policy(name)),
    staleTime: 15_000,
  });
}

/** A policy change also renews the function's RevisionId, which the configuration forms send back. */
export function useInvalidatePolicy() {
  const queryClient = useQueryClient();
  return (name: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.policy(name) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.functions.detail(name) }),
    ]);
}

export function useAddPermission() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: (input: ActionInput<typeof addPermissionAction>) => addPermissionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}

export function useRemovePermission() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: (input: ActionInput<typeof removePermissionAction>) => removePermissionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}
