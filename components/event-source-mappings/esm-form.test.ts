import { describe, expect, it } from "vitest";
import { actionInputSchema } from "@/lib/lambda-model/validate";
import { emptyEsmForm, esmFormFromMapping, esmRequestFromForm, invalidFilterLines, sourceTypeOf } from "./esm-form";

const create = actionInputSchema("CreateEventSourceMapping");
const update = actionInputSchema("UpdateEventSourceMapping");

describe("event source mapping form → request, per source type", () => {
  it("SQS: batching, scaling, partial batch responses and filters; no stream settings", () => {
    const request = esmRequestFromForm({
      ...emptyEsmForm("sqs", "orders"),
      eventSourceArn: "arn:aws:sqs:us-east-1:000000000000:orders",
      batchSize: "50",
      batchingWindow: "5",
      maximumConcurrency: "10",
      reportBatchItemFailures: true,
      filters: '{"body":{"type":["order"]}}',
      parallelizationFactor: "3",
      onFailure: "arn:aws:sqs:us-east-1:000000000000:dlq",
    });
    expect(request).toEqual({
      FunctionName: "orders",
      Enabled: true,
      EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:orders",
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 10 },
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] },
    });
    expect(create.safeParse(request).success).toBe(true);
  });

  it("Kinesis: starting position (also at a timestamp) and the stream error handling", () => {
    const request = esmRequestFromForm({
      ...emptyEsmForm("kinesis", "f"),
      eventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/s",
      startingPosition: "AT_TIMESTAMP",
      startingTimestamp: "2024-05-01T12:30",
      parallelizationFactor: "2",
      maximumRecordAge: "3600",
      maximumRetryAttempts: "3",
      bisectOnError: true,
      tumblingWindow: "60",
      onFailure: "arn:aws:sqs:us-east-1:000000000000:dlq",
      maximumConcurrency: "5",
    });
    expect(request).toMatchObject({
      StartingPosition: "AT_TIMESTAMP",
      StartingPositionTimestamp: "2024-05-01T12:30:00.000Z",
      ParallelizationFactor: 2,
      MaximumRecordAgeInSeconds: 3600,
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      TumblingWindowInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:000000000000:dlq" } },
    });
    expect(request).not.toHaveProperty("ScalingConfig");
    expect(create.safeParse(request).success).toBe(true);
  });

  it("DynamoDB: defaults to LATEST, never sends a timestamp for other positions", () => {
    const request = esmRequestFromForm({
      ...emptyEsmForm("dynamodb", "f"),
      eventSourceArn: "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024",
      startingTimestamp: "2024-05-01T12:30",
    });
    expect(request.StartingPosition).toBe("LATEST");
    expect(request).not.toHaveProperty("StartingPositionTimestamp");
  });

  it("Amazon MSK: one topic and a consumer group; self-managed Kafka: bootstrap servers instead of an ARN", () => {
    const msk = esmRequestFromForm({
      ...emptyEsmForm("msk", "f"),
      eventSourceArn: "arn:aws:kafka:us-east-1:000000000000:cluster/c/1",
      topic: "orders",
      consumerGroupId: "billing",
    });
    expect(msk).toMatchObject({
      Topics: ["orders"],
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: "billing" },
      StartingPosition: "LATEST",
    });
    expect(create.safeParse(msk).success).toBe(true);

    const kafka = esmRequestFromForm({
      ...emptyEsmForm("kafka", "f"),
      bootstrapServers: "b1.example.com:9092, b2.example.com:9092",
      topic: "orders",
      sourceAccess: [{ type: "SASL_SCRAM_512_AUTH", uri: "arn:aws:secretsmanager:us-east-1:000000000000:secret:k" }],
    });
    expect(kafka).not.toHaveProperty("EventSourceArn");
    expect(kafka).toMatchObject({
      SelfManagedEventSource: {
        Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ["b1.example.com:9092", "b2.example.com:9092"] },
      },
      SourceAccessConfigurations: [
        { Type: "SASL_SCRAM_512_AUTH", URI: "arn:aws:secretsmanager:us-east-1:000000000000:secret:k" },
      ],
    });
    expect(create.safeParse(kafka).success).toBe(true);
  });

  it("Amazon MQ: a queue and the broker credentials", () => {
    const request = esmRequestFromForm({
      ...emptyEsmForm("mq", "f"),
      eventSourceArn: "arn:aws:mq:us-east-1:000000000000:broker:b:b-1",
      queue: "orders",
      sourceAccess: [{ type: "BASIC_AUTH", uri: "arn:aws:secretsmanager:us-east-1:000000000000:secret:mq" }],
      reportBatchItemFailures: true,
    });
    expect(request).toMatchObject({ Queues: ["orders"], SourceAccessConfigurations: [{ Type: "BASIC_AUTH" }] });
    expect(request).not.toHaveProperty("FunctionResponseTypes");
    expect(request).not.toHaveProperty("StartingPosition");
  });

  it("lets the model schema reject what the API rejects", () => {
    const request = esmRequestFromForm({
      ...emptyEsmForm("sqs", "f"),
      eventSourceArn: "arn:aws:sqs:us-east-1:000000000000:q",
      batchSize: "20000",
      maximumConcurrency: "1",
    });
    const result = create.safeParse(request);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["BatchSize", "ScalingConfig"]));
  });
});

describe("editing a mapping", () => {
  it("round-trips a stored mapping and sends clearing values on update", () => {
    const form = esmFormFromMapping(
      {
        UUID: "u",
        EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:q",
        State: "Enabled",
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 0,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        FilterCriteria: { Filters: [{ Pattern: '{"a":[1]}' }] },
      },
      "f",
    );
    expect(form).toMatchObject({ sourceType: "sqs", batchSize: "10", reportBatchItemFailures: true, enabled: true });
    const request = esmRequestFromForm({ ...form, reportBatchItemFailures: false, filters: "", enabled: false }, "u");
    expect(request).toEqual({
      UUID: "u",
      FunctionName: "f",
      Enabled: false,
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: [],
      ScalingConfig: {},
      FilterCriteria: {},
    });
    expect(request).not.toHaveProperty("EventSourceArn");
    expect(update.safeParse(request).success).toBe(true);
  });

  it("knows the source type of stored mappings", () => {
    expect(sourceTypeOf({ EventSourceArn: "arn:aws:kinesis:us-east-1:0:stream/s" })).toBe("kinesis");
    expect(sourceTypeOf({ SelfManagedEventSource: { Endpoints: {} } })).toBe("kafka");
    expect(sourceTypeOf({ EventSourceArn: "arn:aws:kafka:us-east-1:0:cluster/c" })).toBe("msk");
  });

  it("finds filter lines that are not JSON objects", () => {
    expect(invalidFilterLines('{"a":1}\n\n[1]\nnot json')).toEqual([3, 4]);
  });
});
