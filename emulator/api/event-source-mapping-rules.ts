/**
 * What an event source mapping may contain, per kind of source: the parameters each source supports,
 * the ones it requires, batch-size ceilings and defaults, and the cross-field rules the model cannot
 * express. Messages follow the service's wording where it is known.
 */
import type { CreateEventSourceMappingRequest, EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import { invalidParameter } from "../errors";
import type { Wire } from "./types";

export type SourceKind = "sqs" | "kinesis" | "dynamodb" | "msk" | "kafka" | "mq" | "documentdb";

/** The settings of a mapping, as a create request carries them (an update merges into these). */
export type MappingSettings = Omit<Wire<CreateEventSourceMappingRequest>, "FunctionName" | "Enabled" | "Tags">;

export type MappingConfig = Wire<EventSourceMappingConfiguration> & { UUID: string; FunctionArn: string };

const STREAMS: readonly SourceKind[] = ["kinesis", "dynamodb"];
const STREAMS_AND_KAFKA: readonly SourceKind[] = ["kinesis", "dynamodb", "msk", "kafka"];
const KAFKA: readonly SourceKind[] = ["msk", "kafka"];

/** Which sources accept each optional parameter (the reference's "(Kinesis, DynamoDB Streams, …)" notes). */
const SUPPORTED: Partial<Record<keyof MappingSettings, readonly SourceKind[]>> = {
  BisectBatchOnFunctionError: STREAMS_AND_KAFKA,
  MaximumRecordAgeInSeconds: STREAMS_AND_KAFKA,
  MaximumRetryAttempts: STREAMS_AND_KAFKA,
  DestinationConfig: STREAMS_AND_KAFKA,
  ParallelizationFactor: STREAMS,
  TumblingWindowInSeconds: STREAMS,
  FunctionResponseTypes: ["sqs", ...STREAMS_AND_KAFKA],
  ScalingConfig: ["sqs"],
  ProvisionedPollerConfig: ["sqs", ...KAFKA],
  Topics: KAFKA,
  Queues: ["mq"],
  SourceAccessConfigurations: [...KAFKA, "mq", "documentdb"],
  DocumentDBEventSourceConfig: ["documentdb"],
  AmazonManagedKafkaEventSourceConfig: ["msk"],
  SelfManagedKafkaEventSourceConfig: ["kafka"],
  LoggingConfig: KAFKA,
  StartingPosition: [...STREAMS_AND_KAFKA, "documentdb"],
  StartingPositionTimestamp: ["kinesis", ...KAFKA, "documentdb"],
};

const SOURCE_NAMES: Record<SourceKind, string> = {
  sqs: "SQS",
  kinesis: "Kinesis",
  dynamodb: "DynamoDB Streams",
  msk: "Amazon MSK",
  kafka: "self-managed Apache Kafka",
  mq: "Amazon MQ",
  documentdb: "DocumentDB",
};

export const sourceName = (kind: SourceKind) => SOURCE_NAMES[kind];

const present = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** The kind of source a mapping reads, from its EventSourceArn's service (or SelfManagedEventSource). */
export function sourceKindOf(settings: Pick<MappingSettings, "EventSourceArn" | "SelfManagedEventSource">): SourceKind {
  if (settings.SelfManagedEventSource) {
    if (settings.EventSourceArn) {
      throw invalidParameter("SelfManagedEventSource and EventSourceArn cannot be specified together.");
    }
    return "kafka";
  }
  if (!settings.EventSourceArn) throw invalidParameter("Unrecognized event source.");
  const service = settings.EventSourceArn.split(":")[2];
  switch (service) {
    case "sqs":
      return "sqs";
    case "kinesis":
      return "kinesis";
    case "dynamodb":
      return "dynamodb";
    case "kafka":
      return "msk";
    case "mq":
      return "mq";
    case "rds":
    case "docdb":
      return "documentdb";
    default:
      throw invalidParameter(
        "Unrecognized event source, must be one of: SQS, Kinesis, DynamoDB Streams, Amazon MQ, Amazon MSK, DocumentDB or self-managed Apache Kafka.",
      );
  }
}

const isFifoQueue = (arn: string | null | undefined) => (arn ?? "").endsWith(".fifo");

export function defaultBatchSize(kind: SourceKind): number {
  return kind === "sqs" ? 10 : 100;
}

const notNull = (name: string) =>
  invalidParameter(
    `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null.`,
  );

function epochMs(value: unknown): number | undefined {
  if (typeof value === "number") return value * 1000;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** Checks a mapping's settings for its kind of source; throws InvalidParameterValueException. */
export function checkSettings(kind: SourceKind, s: MappingSettings, now = Date.now()): void {
  if (kind === "dynamodb" && s.StartingPosition === "AT_TIMESTAMP") {
    throw invalidParameter(`Unsupported starting position for arn type: ${s.EventSourceArn}`);
  }
  for (const [param, kinds] of Object.entries(SUPPORTED) as [keyof MappingSettings, readonly SourceKind[]][]) {
    if (present(s[param]) && !kinds.includes(kind)) {
      throw invalidParameter(`Unsupported ${param} parameter for given event source mapping type.`);
    }
  }

  if (STREAMS.includes(kind) && !s.StartingPosition) throw notNull("StartingPosition");
  if (KAFKA.includes(kind) && !present(s.Topics)) throw notNull("Topics");
  if (kind === "mq" && !present(s.Queues)) throw notNull("Queues");
  if (kind === "mq" && !present(s.SourceAccessConfigurations)) {
    throw invalidParameter("Required 'sourceAccessConfigurations' parameter is missing.");
  }
  if (kind === "documentdb" && !s.DocumentDBEventSourceConfig?.DatabaseName) {
    throw notNull("DocumentDBEventSourceConfig.DatabaseName");
  }

  if (s.StartingPosition === "AT_TIMESTAMP") {
    const at = epochMs(s.StartingPositionTimestamp);
    if (at === undefined) {
      throw invalidParameter("StartingPositionTimestamp must be specified when StartingPosition is AT_TIMESTAMP.");
    }
    if (at > now) throw invalidParameter("StartingPositionTimestamp cannot be in the future.");
  } else if (present(s.StartingPositionTimestamp)) {
    throw invalidParameter("StartingPositionTimestamp can only be specified when StartingPosition is AT_TIMESTAMP.");
  }

  const batchSize = s.BatchSize ?? defaultBatchSize(kind);
  if (kind === "sqs") {
    if (isFifoQueue(s.EventSourceArn)) {
      if (batchSize > 10) throw invalidParameter("Batch size for FIFO queues must be between 1 and 10.");
      if ((s.MaximumBatchingWindowInSeconds ?? 0) > 0) {
        throw invalidParameter("Batching window is not supported for FIFO queues.");
      }
    } else if (batchSize > 10 && (s.MaximumBatchingWindowInSeconds ?? 0) === 0) {
      throw invalidParameter(
        "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
      );
    }
  }

  const age = s.MaximumRecordAgeInSeconds;
  if (age !== undefined && age !== null && age !== -1 && age < 60) {
    throw invalidParameter(
      `Invalid MaximumRecordAgeInSeconds ${age}: the value must be -1 (infinite) or between 60 and 604800.`,
    );
  }

  if (s.DestinationConfig?.OnSuccess) {
    throw invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
  }

  const filters = s.FilterCriteria?.Filters ?? [];
  if (filters.length > 5) throw invalidParameter("The number of filters exceeds the limit of 5.");
  for (const f of filters) {
    if (!isFilterPattern(f.Pattern)) throw invalidParameter("Invalid filter pattern definition.");
  }

  const pollers = s.ProvisionedPollerConfig;
  if (pollers) {
    const min = pollers.MinimumPollers ?? (kind === "sqs" ? 2 : 1);
    const max = pollers.MaximumPollers ?? 200;
    if (kind === "sqs" && (min < 2 || max < 2)) {
      throw invalidParameter("MinimumPollers and MaximumPollers must be at least 2 for SQS event sources.");
    }
    if (min > max) throw invalidParameter("MinimumPollers must be less than or equal to MaximumPollers.");
  }

  if (!KAFKA.includes(kind) && (s.MetricsConfig?.Metrics ?? []).includes("KafkaMetrics")) {
    throw invalidParameter("Unsupported metric KafkaMetrics for given event source mapping type.");
  }
}

/** A filter pattern is a JSON object (EventBridge-style pattern). */
function isFilterPattern(pattern: string | null | undefined): boolean {
  if (!pattern) return false;
  try {
    const v = JSON.parse(pattern) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * The configuration the service reports for new settings: the given fields plus each source's defaults
 * (streams report their retry and windowing defaults, Kafka a consumer group named after the mapping).
 */
export function configFor(
  kind: SourceKind,
  s: MappingSettings,
  base: { UUID: string; FunctionArn: string; EventSourceMappingArn: string; LastModified: number; State: string },
): MappingConfig {
  const stream = STREAMS.includes(kind);
  const opt = <K extends keyof MappingSettings>(k: K) => (present(s[k]) ? { [k]: s[k] } : {});
  const config: MappingConfig = {
    UUID: base.UUID,
    ...opt("StartingPosition"),
    ...opt("StartingPositionTimestamp"),
    BatchSize: s.BatchSize ?? defaultBatchSize(kind),
    // Kafka, MQ and DocumentDB batch for 500 ms by default, which whole seconds cannot express.
    ...(present(s.MaximumBatchingWindowInSeconds) || kind === "sqs" || stream
      ? { MaximumBatchingWindowInSeconds: s.MaximumBatchingWindowInSeconds ?? 0 }
      : {}),
    ...(stream ? { ParallelizationFactor: s.ParallelizationFactor ?? 1 } : {}),
    ...opt("EventSourceArn"),
    ...(s.FilterCriteria?.Filters?.length ? { FilterCriteria: s.FilterCriteria } : {}),
    FunctionArn: base.FunctionArn,
    LastModified: base.LastModified,
    ...(kind !== "sqs" ? { LastProcessingResult: "No records processed" } : {}),
    State: base.State,
    StateTransitionReason: stream ? "User action" : "USER_INITIATED",
    ...(stream ? { DestinationConfig: s.DestinationConfig ?? { OnFailure: {} } } : opt("DestinationConfig")),
    ...opt("Topics"),
    ...opt("Queues"),
    ...opt("SourceAccessConfigurations"),
    ...opt("SelfManagedEventSource"),
    ...(stream ? { MaximumRecordAgeInSeconds: s.MaximumRecordAgeInSeconds ?? -1 } : opt("MaximumRecordAgeInSeconds")),
    ...(stream
      ? { BisectBatchOnFunctionError: s.BisectBatchOnFunctionError ?? false }
      : opt("BisectBatchOnFunctionError")),
    ...(stream ? { MaximumRetryAttempts: s.MaximumRetryAttempts ?? -1 } : opt("MaximumRetryAttempts")),
    ...(stream ? { TumblingWindowInSeconds: s.TumblingWindowInSeconds ?? 0 } : {}),
    ...(SUPPORTED.FunctionResponseTypes?.includes(kind)
      ? { FunctionResponseTypes: s.FunctionResponseTypes ?? [] }
      : {}),
    ...(kind === "msk"
      ? {
          AmazonManagedKafkaEventSourceConfig: {
            ...s.AmazonManagedKafkaEventSourceConfig,
            ConsumerGroupId: s.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? base.UUID,
          },
        }
      : {}),
    ...(kind === "kafka"
      ? {
          SelfManagedKafkaEventSourceConfig: {
            ...s.SelfManagedKafkaEventSourceConfig,
            ConsumerGroupId: s.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? base.UUID,
          },
        }
      : {}),
    ...(kind === "documentdb"
      ? {
          DocumentDBEventSourceConfig: {
            ...s.DocumentDBEventSourceConfig,
            FullDocument: s.DocumentDBEventSourceConfig?.FullDocument ?? "Default",
          },
        }
      : {}),
    ...opt("KMSKeyArn"),
    ...(s.MetricsConfig?.Metrics?.length ? { MetricsConfig: s.MetricsConfig } : {}),
    // An empty ScalingConfig removes it (the reference: "To remove the configuration, pass an empty value").
    ...(s.ScalingConfig?.MaximumConcurrency ? { ScalingConfig: s.ScalingConfig } : {}),
    ...opt("LoggingConfig"),
    ...opt("ProvisionedPollerConfig"),
    EventSourceMappingArn: base.EventSourceMappingArn,
  };
  return config;
}

/** The settings a stored configuration was made from (to merge an update into). */
export function settingsOf(config: MappingConfig): MappingSettings {
  const {
    UUID: _u,
    FunctionArn: _f,
    LastModified: _l,
    LastProcessingResult: _p,
    State: _s,
    StateTransitionReason: _r,
    EventSourceMappingArn: _a,
    FilterCriteriaError: _e,
    ...settings
  } = config;
  return settings as MappingSettings;
}
