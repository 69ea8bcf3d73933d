import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { LayerDetail } from "@/components/layers/layer-detail";
import { listLayerVersions } from "@/lib/aws/layers";
import { layerVersionsOptions } from "@/lib/queries/layers";

export async function generateMetadata({ params }: PageProps<"/layers/[layerName]">) {
  return { title: `${decodeURIComponent((await params).layerName)} · Layers` };
}

export default async function LayerRoute({ params }: PageProps<"/layers/[layerName]">) {
  const layerName = decodeURIComponent((await params).layerName);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...layerVersionsOptions(layerName), queryFn: () => listLayerVersions(layerName) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <LayerDetail layerName={layerName} />
    </HydrationBoundary>
  );
}
