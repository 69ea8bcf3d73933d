/** Versions and aliases of a function: what the Test tab's qualifier picker offers. */
import { queryOptions } from "@tanstack/react-query";
import type { AliasSummary, VersionSummary } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

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
