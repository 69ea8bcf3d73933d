/** A mapping → what its table row shows: source kind and short name, function (with qualifier), state. */
import { parseFunctionRef } from "@/lib/lambda-model/arns";
import type { EventSourceMapping } from "@/lib/lambda-types";
import { SOURCE_LABEL, sourceTypeOf } from "./esm-form";

export interface MappingRow {
  mapping: EventSourceMapping;
  state: string;
  /** A state change is under way; Lambda refuses updates and deletes until it settles. */
  busy: boolean;
  sourceLabel: string;
  /** The distinctive part: queue / stream / cluster name, or the bootstrap servers. */
  source: string;
  /** The whole ARN or endpoint list, for the tooltip. */
  sourceTitle: string;
  functionName?: string;
  /** name, or name:qualifier. */
  functionLabel: string;
}

const BUSY = new Set(["Creating", "Enabling", "Disabling", "Updating", "Deleting"]);

function shortSource(arn: string): string {
  const parts = arn.split(":");
  const resource = parts.slice(5).join(":");
  // sqs: name; kinesis: stream/name; dynamodb: table/t/stream/…; kafka: cluster/name/id; mq: broker:name:id
  const service = parts[2];
  if (service === "dynamodb") return resource.replace(/\/stream\/.*$/, "").replace(/^table\//, "");
  if (service === "kinesis") return resource.replace(/^stream\//, "");
  if (service === "kafka") return resource.split("/")[1] ?? resource;
  if (service === "mq") return resource.split(":")[1] ?? resource;
  return resource || arn;
}

export function mappingRow(m: EventSourceMapping): MappingRow {
  const type = sourceTypeOf(m);
  const servers = m.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [];
  const ref = m.FunctionArn ? parseFunctionRef(m.FunctionArn) : undefined;
  const topicOrQueue = m.Topics?.[0] ?? m.Queues?.[0];
  const source = m.EventSourceArn ? shortSource(m.EventSourceArn) : servers.join(", ");
  return {
    mapping: m,
    state: m.State ?? "Unknown",
    busy: BUSY.has(m.State ?? ""),
    sourceLabel: SOURCE_LABEL[type],
    source: topicOrQueue ? `${source} · ${topicOrQueue}` : source,
    sourceTitle: m.EventSourceArn ?? servers.join(", "),
    ...(ref ? { functionName: ref.name } : {}),
    functionLabel: ref ? (ref.qualifier ? `${ref.name}:${ref.qualifier}` : ref.name) : (m.FunctionArn ?? ""),
  };
}
