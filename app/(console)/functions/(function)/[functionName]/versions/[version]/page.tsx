import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { PageContainer } from "@/components/layout/page-header";
import { VersionDetail } from "@/components/versions/version-detail";
import { listAliases } from "@/lib/aws/aliases";
import { getFunctionConfiguration } from "@/lib/aws/functions";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { aliasesOptions, versionConfigOptions } from "@/lib/queries/qualifiers";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/versions/[version]">) {
  const { functionName, version } = await params;
  return { title: `Version ${decodeURIComponent(version)} · ${decodeURIComponent(functionName)}` };
}

export default async function FunctionVersionPage({
  params,
}: PageProps<"/functions/[functionName]/versions/[version]">) {
  const { functionName, version: rawVersion } = await params;
  const name = decodeURIComponent(functionName);
  const version = decodeURIComponent(rawVersion);
  if (isMissing(await loadFunction(name))) notFound();
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      ...versionConfigOptions(name, version),
      queryFn: () => getFunctionConfiguration(name, version),
    }),
    queryClient.prefetchQuery({ ...aliasesOptions(name), queryFn: () => listAliases(name) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <VersionDetail name={name} version={version} />
      </PageContainer>
    </HydrationBoundary>
  );
}
