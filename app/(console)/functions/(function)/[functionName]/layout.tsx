import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { FunctionHeader } from "@/components/functions/function-header";
import { FunctionTabs } from "@/components/functions/function-tabs";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { functionOptions } from "@/lib/queries/functions";

export async function generateMetadata({ params }: LayoutProps<"/functions/[functionName]">) {
  const { functionName } = await params;
  return { title: decodeURIComponent(functionName) };
}

export default async function FunctionLayout({ params, children }: LayoutProps<"/functions/[functionName]">) {
  const name = decodeURIComponent((await params).functionName);
  const loaded = await loadFunction(name);
  // A missing function: the page below calls notFound(), and not-found.tsx explains it without a header.
  if (isMissing(loaded)) return children;

  const queryClient = new QueryClient();
  if (loaded.ok) queryClient.setQueryData(functionOptions(name).queryKey, loaded.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer className="pb-2 md:pb-2">
        <FunctionHeader name={name} />
      </PageContainer>
      <FunctionTabs name={name} />
      {children}
    </HydrationBoundary>
  );
}
