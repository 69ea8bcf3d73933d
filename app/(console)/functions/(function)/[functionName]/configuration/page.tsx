import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ConfigurationSections } from "@/components/functions/configuration-sections";
import { PageContainer } from "@/components/layout/page-header";
import { getAccountSettings } from "@/lib/aws/account";
import { listProvisionedConcurrencyConfigs } from "@/lib/aws/concurrency";
import { getFunctionEventInvokeConfig } from "@/lib/aws/event-invoke-configs";
import { getFunctionUrlConfig } from "@/lib/aws/function-urls";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { getPolicy } from "@/lib/aws/policies";
import { accountSettingsOptions, provisionedConcurrencyOptions } from "@/lib/queries/concurrency";
import { eventInvokeConfigOptions } from "@/lib/queries/event-invoke-config";
import { functionUrlOptions } from "@/lib/queries/function-url";
import { policyOptions } from "@/lib/queries/policy";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/configuration">) {
  return { title: `Configuration · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionConfigurationPage({
  params,
}: PageProps<"/functions/[functionName]/configuration">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  const queryClient = new QueryClient();
  // Every section's first paint, in parallel. A failed prefetch is not cached: that section asks again
  // from the browser and shows its error in place, while the others render.
  await Promise.all([
    queryClient.prefetchQuery({ ...functionUrlOptions(name), queryFn: () => getFunctionUrlConfig(name) }),
    queryClient.prefetchQuery({ ...policyOptions(name), queryFn: () => getPolicy(name) }),
    queryClient.prefetchQuery({
      ...provisionedConcurrencyOptions(name),
      queryFn: () => listProvisionedConcurrencyConfigs(name),
    }),
    queryClient.prefetchQuery({ ...accountSettingsOptions(), queryFn: () => getAccountSettings() }),
    queryClient.prefetchQuery({
      ...eventInvokeConfigOptions(name),
      queryFn: () => getFunctionEventInvokeConfig(name),
    }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <ConfigurationSections name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
