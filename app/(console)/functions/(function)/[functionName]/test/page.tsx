import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { TestPanel } from "@/components/invoke/test-panel";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { testEventsOptions } from "@/lib/queries/test-events";
import { testEvents } from "@/lib/store";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/test">) {
  return { title: `Test · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionTestPage({ params }: PageProps<"/functions/[functionName]/test">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  // Saved events come from the console's own store: part of the first paint, no loading flash.
  const queryClient = new QueryClient();
  queryClient.setQueryData(testEventsOptions(name).queryKey, testEvents().list(name));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <TestPanel name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
