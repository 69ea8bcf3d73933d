/** Tag writes. Function tags are read with the function (GetFunction), other resources' with their lists. */
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { updateTagsAction } from "@/lib/actions/tags";
import type { ActionInput } from "./action-input";

/** `owner` is the query that shows the resource's tags; it is refetched after a save. */
export function useUpdateTags(owner: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput<typeof updateTagsAction>) => updateTagsAction(input),
    onSuccess: async (result) => {
      if (result.ok) await queryClient.invalidateQueries({ queryKey: owner });
    },
  });
}
