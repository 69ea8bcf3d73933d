/**
 * Versions and aliases of a function: what the Test tab's qualifier picker offers and what the Versions
 * and Aliases tabs manage. Mutations invalidate the function's qualifier family as a whole: publishing
 * changes the versions, and the Versions tab shows which aliases point where.
 */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { createAliasAction, deleteAliasAction, updateAliasAction } from "@/lib/actions/aliases";
import { deleteVersionAction, publishVersionAction } from "@/lib/actions/versions";
import type { AliasSummary, FunctionConfig, VersionSummary } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

type ActionInput<A> = A extends (input: infer I) => Promise<unknown> ? I : never;

export function versionsOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.qualifiers.versions(name),
    queryFn: () => fetchJson<VersionSummary[]>(routes.api.versions(name)),
    staleTime: 30_000,
  });
}

export function aliasesOptions(name: string) {
  return queryOptions({
    queryKey: queryKeys.qualifiers.aliases(name),
    queryFn: () => fetchJson<AliasSummary[]>(routes.api.aliases(name)),
    staleTime: 30_000,
  });
}

/** A published version's configuration never changes, so it is cached for good. */
export function versionConfigOptions(name: string, version: string) {
  return queryOptions({
    queryKey: queryKeys.qualifiers.version(name, version),
    queryFn: () => fetchJson<FunctionConfig>(routes.api.version(name, version)),
    staleTime: version === "$LATEST" ? 10_000 : Infinity,
  });
}

function useInvalidateQualifiers() {
  const queryClient = useQueryClient();
  return (name: string) => queryClient.invalidateQueries({ queryKey: queryKeys.qualifiers.all(name) });
}

export function usePublishVersion() {
  const invalidate = useInvalidateQualifiers();
  return useMutation({
    mutationFn: (input: ActionInput<typeof publishVersionAction>) => publishVersionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}

export function useDeleteVersion() {
  const invalidate = useInvalidateQualifiers();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteVersionAction>) => deleteVersionAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}

export function useCreateAlias() {
  const invalidate = useInvalidateQualifiers();
  return useMutation({
    mutationFn: (input: ActionInput<typeof createAliasAction>) => createAliasAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}

export function useUpdateAlias() {
  const invalidate = useInvalidateQualifiers();
  return useMutation({
    mutationFn: (input: ActionInput<typeof updateAliasAction>) => updateAliasAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}

export function useDeleteAlias() {
  const invalidate = useInvalidateQualifiers();
  return useMutation({
    mutationFn: (input: ActionInput<typeof deleteAliasAction>) => deleteAliasAction(input),
    onSuccess: async (result, input) => {
      if (result.ok) await invalidate(input.functionName);
    },
  });
}
