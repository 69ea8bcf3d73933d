import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ExecutionsTab } from "@/components/durable/executions-tab";
import { parseExecutionFilters } from "@/components/durable/execution-filters";
import { PageContainer } from "@/components/layout/page-header";
import { listDurableExecutionsByFunction } from "@/lib/aws/durable-executions";
import { AwsCallError } from "@/lib/aws/errors";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { DURABLE_EXECUTIONS_PAGE_SIZE, durableExecutionsOptions } from "@/lib/queries/durable-executions";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/durable-executions">) {
  return { title: `Durable executions · ${decodeURIComponent((await params).functionName)}` };
}

export default async function DurableExecutionsPage({
  params,
  searchParams,
}: PageProps<"/functions/[functionName]/durable-executions">) {
  const name = decodeURIComponent((await params).functionName);
  const loaded = await loadFunction(name);
  if (isMissing(loaded)) notFound();
  const query = await searchParams;
  const filters = parseExecutionFilters({ get: (k) => (typeof query[k] === "string" ? query[k] : null) });
  const queryClient = new QueryClient();
  // Only durable functions have executions; the others get the explanation, without a call.
  if (loaded.ok && loaded.data.Configuration.DurableConfig) {
    try {
      const page = await listDurableExecutionsByFunction(name, {
        maxItems: DURABLE_EXECUTIONS_PAGE_SIZE,
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.name ? { name: filters.name } : {}),
        ...(filters.qualifier ? { qualifier: filters.qualifier } : {}),
      });
      queryClient.setQueryData(durableExecutionsOptions(name, filters).queryKey, {
        pages: [page],
        pageParams: [undefined],
      });
    } catch (error) {
      // The client asks again and shows the error in place, with its request id.
      if (!(error instanceof AwsCallError)) throw error;
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <ExecutionsTab name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
