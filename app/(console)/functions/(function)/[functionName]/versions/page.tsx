import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { PageContainer } from "@/components/layout/page-header";
import { VersionsTab } from "@/components/versions/versions-tab";
import { listAliases } from "@/lib/aws/aliases";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { listVersionsByFunction } from "@/lib/aws/versions";
import { aliasesOptions, versionsOptions } from "@/lib/queries/qualifiers";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/versions">) {
  return { title: `Versions · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionVersionsPage({ params }: PageProps<"/functions/[functionName]/versions">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  const queryClient = new QueryClient();
  // A failed prefetch is not cached: the client asks again and shows the error in place.
  await Promise.all([
    queryClient.prefetchQuery({ ...versionsOptions(name), queryFn: () => listVersionsByFunction(name) }),
    queryClient.prefetchQuery({ ...aliasesOptions(name), queryFn: () => listAliases(name) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <VersionsTab name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
