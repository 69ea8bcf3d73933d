/**
 * The event source mapping form ↔ Create/UpdateEventSourceMapping requests. Each kind of source accepts
 * its own subset of parameters (the reference notes them per parameter: "(Kinesis, DynamoDB Streams, …)");
 * the request carries only those, so a form never sends what the API would refuse as unsupported.
 */
import type { EventSourceMapping } from "@/lib/lambda-types";

export type EsmSourceType = "sqs" | "kinesis" | "dynamodb" | "msk" | "kafka" | "mq";

export const SOURCE_TYPES: { value: EsmSourceType; label: string; arnHint: string }[] = [
  { value: "sqs", label: "Amazon SQS", arnHint: "arn:aws:sqs:us-east-1:123456789012:my-queue" },
  { value: "kinesis", label: "Kinesis", arnHint: "arn:aws:kinesis:us-east-1:123456789012:stream/my-stream" },
  {
    value: "dynamodb",
    label: "DynamoDB Streams",
    arnHint: "arn:aws:dynamodb:us-east-1:123456789012:table/my-table/stream/2024-01-01T00:00:00.000",
  },
  { value: "msk", label: "Amazon MSK", arnHint: "arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abcd-1234" },
  { value: "kafka", label: "Self-managed Kafka", arnHint: "" },
  { value: "mq", label: "Amazon MQ", arnHint: "arn:aws:mq:us-east-1:123456789012:broker:my-broker:b-1234" },
];

export const SOURCE_LABEL: Record<EsmSourceType, string> = Object.fromEntries(
  SOURCE_TYPES.map((s) => [s.value, s.label]),
) as Record<EsmSourceType, string>;

const STREAMS: EsmSourceType[] = ["kinesis", "dynamodb"];
const KAFKA: EsmSourceType[] = ["msk", "kafka"];

/** Which parts of the form a source type shows (and the request carries). */
export const SUPPORTS = {
  startingPosition: (t: EsmSourceType) => STREAMS.includes(t) || KAFKA.includes(t),
  atTimestamp: (t: EsmSourceType) => t === "kinesis" || KAFKA.includes(t),
  streamSettings: (t: EsmSourceType) => STREAMS.includes(t),
  errorHandling: (t: EsmSourceType) => STREAMS.includes(t) || KAFKA.includes(t),
  reportBatchItemFailures: (t: EsmSourceType) => t === "sqs" || STREAMS.includes(t) || KAFKA.includes(t),
  maximumConcurrency: (t: EsmSourceType) => t === "sqs",
  topic: (t: EsmSourceType) => KAFKA.includes(t),
  queue: (t: EsmSourceType) => t === "mq",
  consumerGroup: (t: EsmSourceType) => KAFKA.includes(t),
  sourceAccess: (t: EsmSourceType) => KAFKA.includes(t) || t === "mq",
  arn: (t: EsmSourceType) => t !== "kafka",
} as const;

export interface SourceAccessRow {
  type: string;
  uri: string;
}

export interface EsmForm {
  sourceType: EsmSourceType;
  eventSourceArn: string;
  /** Self-managed Kafka: host:port, one per line or comma. */
  bootstrapServers: string;
  functionName: string;
  enabled: boolean;
  batchSize: string;
  batchingWindow: string;
  startingPosition: "" | "TRIM_HORIZON" | "LATEST" | "AT_TIMESTAMP";
  /** `YYYY-MM-DDTHH:mm` (a datetime-local value, read as UTC). */
  startingTimestamp: string;
  parallelizationFactor: string;
  maximumRecordAge: string;
  maximumRetryAttempts: string;
  bisectOnError: boolean;
  tumblingWindow: string;
  onFailure: string;
  maximumConcurrency: string;
  reportBatchItemFailures: boolean;
  topic: string;
  queue: string;
  consumerGroupId: string;
  sourceAccess: SourceAccessRow[];
  /** One JSON filter pattern per line. */
  filters: string;
}

export function emptyEsmForm(sourceType: EsmSourceType = "sqs", functionName = ""): EsmForm {
  return {
    sourceType,
    eventSourceArn: "",
    bootstrapServers: "",
    functionName,
    enabled: true,
    batchSize: "",
    batchingWindow: "",
    startingPosition: SUPPORTS.startingPosition(sourceType) ? "LATEST" : "",
    startingTimestamp: "",
    parallelizationFactor: "",
    maximumRecordAge: "",
    maximumRetryAttempts: "",
    bisectOnError: false,
    tumblingWindow: "",
    onFailure: "",
    maximumConcurrency: "",
    reportBatchItemFailures: false,
    topic: "",
    queue: "",
    consumerGroupId: "",
    sourceAccess: sourceType === "mq" ? [{ type: "BASIC_AUTH", uri: "" }] : [],
    filters: "",
  };
}

/** The kind of source a mapping reads, from its ARN's service (or its self-managed endpoints). */
export function sourceTypeOf(m: Pick<EventSourceMapping, "EventSourceArn" | "SelfManagedEventSource">): EsmSourceType {
  if (m.SelfManagedEventSource) return "kafka";
  const service = m.EventSourceArn?.split(":")[2];
  switch (service) {
    case "kinesis":
      return "kinesis";
    case "dynamodb":
      return "dynamodb";
    case "kafka":
      return "msk";
    case "mq":
      return "mq";
    default:
      return "sqs";
  }
}

const split = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Empty → undefined (not sent); anything else → a number (NaN when not one, which the schema rejects). */
function num(text: string): number | undefined {
  const t = text.trim();
  return t === "" ? undefined : Number(t);
}

function put(out: Record<string, unknown>, key: string, value: unknown) {
  if (value !== undefined) out[key] = value;
}

/** A datetime-local value as UTC ISO-8601 (the API's timestamp), or the text as typed when unreadable. */
function timestamp(local: string): string | undefined {
  const t = local.trim();
  if (!t) return undefined;
  const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
  return Number.isNaN(ms) ? t : new Date(ms).toISOString();
}

/**
 * A CreateEventSourceMapping request (`uuid` undefined) or an UpdateEventSourceMapping request. Updates
 * leave out what cannot change after creation (source, starting position, topic, queue, consumer group)
 * and send empty values that clear a setting (`FilterCriteria: {}`, `ScalingConfig: {}`).
 */
export function esmRequestFromForm(form: EsmForm, uuid?: string): Record<string, unknown> {
  const t = form.sourceType;
  const update = uuid !== undefined;
  const out: Record<string, unknown> = update ? { UUID: uuid } : {};
  put(out, "FunctionName", form.functionName.trim());
  out.Enabled = form.enabled;
  if (!update) {
    if (SUPPORTS.arn(t)) put(out, "EventSourceArn", form.eventSourceArn.trim());
    else out.SelfManagedEventSource = { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: split(form.bootstrapServers) } };
    if (SUPPORTS.startingPosition(t) && form.startingPosition) {
      out.StartingPosition = form.startingPosition;
      if (form.startingPosition === "AT_TIMESTAMP")
        put(out, "StartingPositionTimestamp", timestamp(form.startingTimestamp));
    }
    if (SUPPORTS.topic(t)) out.Topics = form.topic.trim() ? [form.topic.trim()] : [];
    if (SUPPORTS.queue(t)) out.Queues = form.queue.trim() ? [form.queue.trim()] : [];
    if (SUPPORTS.consumerGroup(t) && form.consumerGroupId.trim()) {
      out[t === "msk" ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig"] = {
        ConsumerGroupId: form.consumerGroupId.trim(),
      };
    }
  }
  put(out, "BatchSize", num(form.batchSize));
  put(out, "MaximumBatchingWindowInSeconds", num(form.batchingWindow));
  if (SUPPORTS.streamSettings(t)) {
    put(out, "ParallelizationFactor", num(form.parallelizationFactor));
    put(out, "TumblingWindowInSeconds", num(form.tumblingWindow));
  }
  if (SUPPORTS.errorHandling(t)) {
    put(out, "MaximumRecordAgeInSeconds", num(form.maximumRecordAge));
    put(out, "MaximumRetryAttempts", num(form.maximumRetryAttempts));
    if (form.bisectOnError || update) out.BisectBatchOnFunctionError = form.bisectOnError;
    if (form.onFailure.trim()) out.DestinationConfig = { OnFailure: { Destination: form.onFailure.trim() } };
    else if (update) out.DestinationConfig = { OnFailure: { Destination: "" } };
  }
  if (SUPPORTS.reportBatchItemFailures(t) && (form.reportBatchItemFailures || update)) {
    out.FunctionResponseTypes = form.reportBatchItemFailures ? ["ReportBatchItemFailures"] : [];
  }
  if (SUPPORTS.maximumConcurrency(t)) {
    const max = num(form.maximumConcurrency);
    if (max !== undefined) out.ScalingConfig = { MaximumConcurrency: max };
    else if (update) out.ScalingConfig = {};
  }
  if (SUPPORTS.sourceAccess(t)) {
    const rows = form.sourceAccess.filter((r) => r.uri.trim() !== "");
    if (rows.length > 0 || (!update && t === "mq")) {
      out.SourceAccessConfigurations = rows.map((r) => ({ Type: r.type, URI: r.uri.trim() }));
    }
  }
  const filters = form.filters
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (filters.length > 0) out.FilterCriteria = { Filters: filters.map((Pattern) => ({ Pattern })) };
  else if (update) out.FilterCriteria = {};
  return out;
}

const str = (n: number | undefined) => (n === undefined ? "" : String(n));

/** An existing mapping as the edit form starts. */
export function esmFormFromMapping(m: EventSourceMapping, functionName: string): EsmForm {
  const sourceType = sourceTypeOf(m);
  const position = m.StartingPosition as EsmForm["startingPosition"] | undefined;
  return {
    ...emptyEsmForm(sourceType, functionName),
    eventSourceArn: m.EventSourceArn ?? "",
    bootstrapServers: (m.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? []).join(", "),
    enabled: m.State !== "Disabled" && m.State !== "Disabling",
    batchSize: str(m.BatchSize),
    batchingWindow: str(m.MaximumBatchingWindowInSeconds),
    startingPosition: position ?? "",
    startingTimestamp: m.StartingPositionTimestamp ? m.StartingPositionTimestamp.slice(0, 16) : "",
    parallelizationFactor: str(m.ParallelizationFactor),
    maximumRecordAge: str(m.MaximumRecordAgeInSeconds),
    maximumRetryAttempts: str(m.MaximumRetryAttempts),
    bisectOnError: m.BisectBatchOnFunctionError ?? false,
    tumblingWindow: str(m.TumblingWindowInSeconds),
    onFailure: m.DestinationConfig?.OnFailure?.Destination ?? "",
    maximumConcurrency: str(m.ScalingConfig?.MaximumConcurrency),
    reportBatchItemFailures: (m.FunctionResponseTypes ?? []).includes("ReportBatchItemFailures"),
    topic: m.Topics?.[0] ?? "",
    queue: m.Queues?.[0] ?? "",
    consumerGroupId:
      m.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ??
      m.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ??
      "",
    sourceAccess: (m.SourceAccessConfigurations ?? []).map((s) => ({ type: s.Type ?? "BASIC_AUTH", uri: s.URI ?? "" })),
    filters: (m.FilterCriteria?.Filters ?? []).map((f) => f.Pattern ?? "").join("\n"),
  };
}

/** Form field of an API request member, for showing a violation where it belongs. */
export const FIELD_OF_MEMBER: Record<string, keyof EsmForm> = {
  FunctionName: "functionName",
  EventSourceArn: "eventSourceArn",
  SelfManagedEventSource: "bootstrapServers",
  BatchSize: "batchSize",
  MaximumBatchingWindowInSeconds: "batchingWindow",
  StartingPosition: "startingPosition",
  StartingPositionTimestamp: "startingTimestamp",
  ParallelizationFactor: "parallelizationFactor",
  MaximumRecordAgeInSeconds: "maximumRecordAge",
  MaximumRetryAttempts: "maximumRetryAttempts",
  TumblingWindowInSeconds: "tumblingWindow",
  DestinationConfig: "onFailure",
  ScalingConfig: "maximumConcurrency",
  Topics: "topic",
  Queues: "queue",
  AmazonManagedKafkaEventSourceConfig: "consumerGroupId",
  SelfManagedKafkaEventSourceConfig: "consumerGroupId",
  SourceAccessConfigurations: "sourceAccess",
  FilterCriteria: "filters",
};

/** Filter lines that are not JSON objects (the API answers "Invalid filter pattern definition."). */
export function invalidFilterLines(filters: string): number[] {
  const bad: number[] = [];
  filters.split("\n").forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    try {
      const v = JSON.parse(t) as unknown;
      if (v === null || typeof v !== "object" || Array.isArray(v)) bad.push(i + 1);
    } catch {
      bad.push(i + 1);
    }
  });
  return bad;
}
