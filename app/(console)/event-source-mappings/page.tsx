import type { Metadata } from "next";
import { CableIcon } from "lucide-react";
import { ComingSoon } from "@/components/layout/coming-soon";

export const metadata: Metadata = { title: "Event source mappings" };

export default function EventSourceMappingsPage() {
  return (
    <ComingSoon
      title="Event source mappings"
      icon={CableIcon}
      summary="Queues and streams that invoke your functions with batches of records."
      plans={[
        "Create mappings from SQS, Kinesis, DynamoDB Streams, Kafka and MQ",
        "Tune batch size, batching window, filters and failure destinations",
        "Enable, disable and watch each mapping's state",
      ]}
      apis={["CreateEventSourceMapping", "ListEventSourceMappings", "UpdateEventSourceMapping"]}
    />
  );
}
