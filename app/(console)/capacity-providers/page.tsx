import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { CapacityProvidersPage } from "@/components/capacity-providers/capacity-providers-page";
import { listCapacityProviders } from "@/lib/aws/capacity-providers";
import { currentConnection } from "@/lib/connection-registry";
import { capacityProvidersOptions } from "@/lib/queries/capacity-providers";

export const metadata: Metadata = { title: "Capacity providers" };

export default async function CapacityProvidersRoute() {
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the page asks again from the browser and shows the error in place.
  await queryClient.prefetchQuery({ ...capacityProvidersOptions(), queryFn: () => listCapacityProviders() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CapacityProvidersPage region={currentConnection().region} />
    </HydrationBoundary>
  );
}
