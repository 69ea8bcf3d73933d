/** Layers and their versions. Publishing or deleting a version changes both lists. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteLayerVersionAction, publishLayerVersionAction } from "@/lib/actions/layers";
import type { LayerSummary, LayerVersionSummary } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import type { ActionInput } from "./action-input";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function layersOptions() {
  return queryOptions({
    queryKey: queryKeys.layers.list(),
    queryFn: () => fetchJson<LayerSummary[]>(routes.api.layers()),
    staleTime: 15_000,
  });
}

export function layerVersionsOptions(layerName: string) {
  return queryOptions({
    queryKey: queryKeys.layers.versions(layerName),
    queryFn: () => fetchJson<LayerVersionSummary[]>(routes.api.layerVersions(layerName)),
    staleTime: 15_000,
  });
}

function useLayerWrite<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => action(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.layers.all() });
    },
  });
}

export function usePublishLayerVersion() {
  return useLayerWrite((input: ActionInput<typeof publishLayerVersionAction>) => publishLayerVersionAction(input));
}

export function useDeleteLayerVersion() {
  return useLayerWrite((input: ActionInput<typeof deleteLayerVersionAction>) => deleteLayerVersionAction(input));
}
