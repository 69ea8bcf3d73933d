import type { Metadata } from "next";
import { connection as dynamicRendering } from "next/server";
import { SettingsIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { PageContainer, PageHeader } from "@/components/layout/page-header";
import { ConnectionSettings } from "@/components/layout/connection-settings";
import { currentConnection } from "@/lib/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await dynamicRendering();
  return (
    <PageContainer className="space-y-6">
      <PageHeader title="Settings" description="Where the console sends its requests, and how to change that." />
      <ConnectionSettings connection={currentConnection()} />
      <EmptyState
        icon={SettingsIcon}
        title="More settings are coming soon in this console"
        description="Switching connections from the browser, saved test events per function, and default runtime and architecture for new functions."
      />
    </PageContainer>
  );
}
