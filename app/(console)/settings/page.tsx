import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { connection as dynamicRendering } from "next/server";
import { AccountPanel } from "@/components/connections/account-panel";
import { ConnectionsPanel } from "@/components/connections/connections-panel";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { ConnectionSettings } from "@/components/layout/connection-settings";
import { getAccountSettings } from "@/lib/aws/account";
import { connectionChoices } from "@/lib/connection-registry";
import { accountSettingsOptions } from "@/lib/queries/concurrency";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await dynamicRendering();
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the panel asks again from the browser and shows the error in place.
  await queryClient.prefetchQuery({ ...accountSettingsOptions(), queryFn: () => getAccountSettings() });
  return (
    <PageContainer className="space-y-6">
      <PageHeader title="Settings" description="Where the console sends its requests, and what that account allows." />
      <ConnectionsPanel choices={await connectionChoices()} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountPanel />
      </HydrationBoundary>
      <ConnectionSettings />
    </PageContainer>
  );
}
