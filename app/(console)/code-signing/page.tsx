import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { CodeSigningPage } from "@/components/code-signing/code-signing-page";
import { listCodeSigningConfigs } from "@/lib/aws/code-signing";
import { currentConnection } from "@/lib/connection-registry";
import { codeSigningConfigsOptions } from "@/lib/queries/code-signing";

export const metadata: Metadata = { title: "Code signing" };

export default async function CodeSigningRoute() {
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the page asks again from the browser and shows the error in place.
  await queryClient.prefetchQuery({ ...codeSigningConfigsOptions(), queryFn: () => listCodeSigningConfigs() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CodeSigningPage region={currentConnection().region} />
    </HydrationBoundary>
  );
}
