import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { LayersPage } from "@/components/layers/layers-page";
import { listLayers } from "@/lib/aws/layers";
import { currentConnection } from "@/lib/connection-registry";
import { layersOptions } from "@/lib/queries/layers";

export const metadata: Metadata = { title: "Layers" };

export default async function LayersRoute() {
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the page asks again from the browser and shows the error in place.
  await queryClient.prefetchQuery({ ...layersOptions(), queryFn: () => listLayers() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <LayersPage region={currentConnection().region} />
    </HydrationBoundary>
  );
}
