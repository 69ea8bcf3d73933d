import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ExecutionsTab } from "@/components/durable/executions-tab";
import { parseExecutionFilters } from "@/components/durable/execution-filters";
import { PageContainer } from "@/components/layout/page-header";
import { listDurableExecutionsByFunction } from "@/lib/aws/durable-executions";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { seedFirstPage } from "@/lib/aws/seed-first-page";
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
    await seedFirstPage(queryClient, durableExecutionsOptions(name, filters).queryKey, () =>
      listDurableExecutionsByFunction(name, {
        maxItems: DURABLE_EXECUTIONS_PAGE_SIZE,
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.name ? { name: filters.name } : {}),
        ...(filters.qualifier ? { qualifier: filters.qualifier } : {}),
      }),
    );
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <ExecutionsTab name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
