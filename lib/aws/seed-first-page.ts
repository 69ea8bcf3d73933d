/**
 * A paged list's first page, fetched by the server component for the first paint and put in the cache
 * as the infinite query the client goes on paging with.
 */
import "server-only";
import type { DataTag, InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { AwsCallError } from "./errors";

export async function seedFirstPage<TPage>(
  queryClient: QueryClient,
  /** The list's infinite query key (it types the page). */
  queryKey: DataTag<QueryKey, InfiniteData<TPage, unknown>, Error>,
  load: () => Promise<TPage>,
) {
  try {
    const page = await load();
    queryClient.setQueryData(queryKey, { pages: [page], pageParams: [undefined] });
  } catch (error) {
    // The client asks again and shows the error in place, with its request id (or a designed state).
    if (!(error instanceof AwsCallError)) throw error;
  }
}
