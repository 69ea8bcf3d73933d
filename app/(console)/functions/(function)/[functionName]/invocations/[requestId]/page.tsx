import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { InvocationDetailView } from "@/components/invocations/invocation-detail";
import { PageContainer } from "@/components/layout/page-header";
import { AwsCallError } from "@/lib/aws/errors";
import { getInvocation } from "@/lib/aws/invocations";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { invocationOptions } from "@/lib/queries/invocations";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/invocations/[requestId]">) {
  const { functionName, requestId } = await params;
  return { title: `Invocation ${decodeURIComponent(requestId).slice(0, 8)} · ${decodeURIComponent(functionName)}` };
}

export default async function InvocationPage({
  params,
  searchParams,
}: PageProps<"/functions/[functionName]/invocations/[requestId]">) {
  const { functionName, requestId: rawId } = await params;
  const name = decodeURIComponent(functionName);
  const requestId = decodeURIComponent(rawId);
  // When the list read it from CloudWatch Logs: when its REPORT was logged (a narrow window to search).
  const atParam = Number((await searchParams).at);
  const at = Number.isInteger(atParam) && atParam > 0 ? atParam : undefined;
  if (isMissing(await loadFunction(name))) notFound();
  const queryClient = new QueryClient();
  const logs = { functionName: name, ...(at !== undefined ? { at } : {}) };
  try {
    queryClient.setQueryData(invocationOptions(requestId, logs).queryKey, await getInvocation(requestId, logs));
  } catch (error) {
    // Not recorded yet (records land a few ms after the answer) or gone: the client retries and explains.
    if (!(error instanceof AwsCallError)) throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <InvocationDetailView name={name} requestId={requestId} {...(at !== undefined ? { at } : {})} />
      </PageContainer>
    </HydrationBoundary>
  );
}
