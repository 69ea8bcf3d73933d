/** The deployed package and deploying a new one. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { deployCodeAction } from "@/lib/actions/code";
import type { FunctionDetails } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchBytes } from "./fetch-json";
import { queryKeys } from "./keys";

type ActionInput<A> = A extends (input: infer I) => Promise<unknown> ? I : never;

/** The zip as deployed. Immutable per hash, so it never goes stale; a deploy changes the hash. */
export function functionCodeOptions(name: string, codeSha256: string) {
  return queryOptions({
    queryKey: queryKeys.code.zip(name, codeSha256),
    queryFn: () => fetchBytes(routes.api.functionCode(name)),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useDeployCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deployCodeAction>) => deployCodeAction(input),
    onSuccess: async (result) => {
      if (!result.ok) return;
      const config = result.data;
      const name = config.FunctionName;
      if (!name) return;
      // The response carries LastUpdateStatus InProgress: the detail query polls until it settles.
      queryClient.setQueryData(queryKeys.functions.detail(name), (old: FunctionDetails | undefined) =>
        old ? { ...old, Configuration: { ...old.Configuration, ...config } } : old,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.functions.detail(name) });
    },
  });
}
