import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { EventSourceMappingsPage } from "@/components/event-source-mappings/esm-page";
import { listEventSourceMappings } from "@/lib/aws/event-source-mappings";
import { currentConnection } from "@/lib/connection-registry";
import { eventSourceMappingsOptions } from "@/lib/queries/event-source-mappings";

export const metadata: Metadata = { title: "Event source mappings" };

export default async function EventSourceMappingsRoute() {
  const queryClient = new QueryClient();
  // A failed prefetch is not cached; the page asks again from the browser and shows the error in place.
  await queryClient.prefetchQuery({ ...eventSourceMappingsOptions(), queryFn: () => listEventSourceMappings() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EventSourceMappingsPage region={currentConnection().region} />
    </HydrationBoundary>
  );
}
