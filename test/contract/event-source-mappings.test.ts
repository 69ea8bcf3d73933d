/** Contract: event source mappings (configuration and lifecycle; nothing polls offline), with the real SDK. */
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ListTagsCommand,
  PublishVersionCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, type TestEmulator } from "../support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await createFunction(t.client, "consumer");
  await createFunction(t.client, "other-consumer");
});
afterAll(async () => {
  await t.dispose();
});

const FN_ARN = "arn:aws:lambda:us-east-1:000000000000:function:consumer";
const queue = (name: string) => `arn:aws:sqs:us-east-1:000000000000:${name}`;
const STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
const TABLE_STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2024-01-01T00:00:00.000";
const MSK = "arn:aws:kafka:us-east-1:000000000000:cluster/demo/abcd1234-ab12-cd34-ef56-abcdef123456-1";
const MQ = "arn:aws:mq:us-east-1:000000000000:broker:demo:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9";
const DOCDB = "arn:aws:rds:us-east-1:000000000000:cluster:docdb-demo";
const SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:broker-creds";

async function createFunction(client: LambdaClient, name: string, wait = true) {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: ROLE,
      Code: { ZipFile: nodeZip("exports.handler = async () => ({ batchItemFailures: [] });") },
    }),
  );
  // Mapping a function does not need it Active; emulators with slow transitions skip the wait.
  if (wait) await waitActive(client, name);
}

const create = (input: Partial<CreateEventSourceMappingCommandInput>, client = t.client) =>
  client.send(new CreateEventSourceMappingCommand({ FunctionName: "consumer", ...input }));

const stateOf = async (uuid: string, client = t.client) =>
  (await client.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State;

/** Polls until the mapping reaches a state (the service changes states asynchronously). */
const settlesTo = (uuid: string, state: string, client = t.client) =>
  expect.poll(() => stateOf(uuid, client), { timeout: 5000, interval: 20 }).toBe(state);

describe("CreateEventSourceMapping", () => {
  it("creates an SQS mapping with the service's defaults, Creating then Enabled", async () => {
    const m = await create({ EventSourceArn: queue("orders") });
    expect(m.$metadata.httpStatusCode).toBe(202);
    expect(m).toMatchObject({
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: queue("orders"),
      FunctionArn: FN_ARN,
      State: "Creating",
      StateTransitionReason: "USER_INITIATED",
      FunctionResponseTypes: [],
    });
    expect(m.UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(m.EventSourceMappingArn).toBe(`arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${m.UUID}`);
    expect(m.LastModified).toBeInstanceOf(Date);
    expect(Math.abs((m.LastModified?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(m.LastProcessingResult).toBeUndefined();
    expect(m.ParallelizationFactor).toBeUndefined();
    await settlesTo(m.UUID ?? "", "Enabled");
  });

  it("creates a disabled mapping that settles to Disabled", async () => {
    const m = await create({ EventSourceArn: queue("paused"), Enabled: false });
    expect(m.State).toBe("Creating");
    await settlesTo(m.UUID ?? "", "Disabled");
  });

  it("requires StartingPosition for streams and reports their defaults", async () => {
    const missing = await errorOf(() => create({ EventSourceArn: STREAM }));
    expect(missing.name).toBe("InvalidParameterValueException");
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
    const m = await create({ EventSourceArn: STREAM, StartingPosition: "LATEST" });
    expect(m).toMatchObject({
      StartingPosition: "LATEST",
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      LastProcessingResult: "No records processed",
      StateTransitionReason: "User action",
      DestinationConfig: { OnFailure: {} },
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      MaximumRetryAttempts: -1,
      TumblingWindowInSeconds: 0,
      FunctionResponseTypes: [],
    });
    const ddb = await create({
      EventSourceArn: TABLE_STREAM,
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 500,
      ParallelizationFactor: 4,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      BisectBatchOnFunctionError: true,
      TumblingWindowInSeconds: 60,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: queue("dlq") } },
    });
    expect(ddb).toMatchObject({
      BatchSize: 500,
      ParallelizationFactor: 4,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      BisectBatchOnFunctionError: true,
      TumblingWindowInSeconds: 60,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: queue("dlq") } },
    });
  });

  it("checks AT_TIMESTAMP: Kinesis only, with a past timestamp", async () => {
    const ddb = await errorOf(() =>
      create({
        EventSourceArn: TABLE_STREAM,
        StartingPosition: "AT_TIMESTAMP",
        StartingPositionTimestamp: new Date(0),
      }),
    );
    expect(ddb.message).toBe(`Unsupported starting position for arn type: ${TABLE_STREAM}`);
    const noTime = await errorOf(() =>
      create({ EventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/ts1", StartingPosition: "AT_TIMESTAMP" }),
    );
    expect(noTime.name).toBe("InvalidParameterValueException");
    const future = await errorOf(() =>
      create({
        EventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/ts1",
        StartingPosition: "AT_TIMESTAMP",
        StartingPositionTimestamp: new Date(Date.now() + 3_600_000),
      }),
    );
    expect(future.name).toBe("InvalidParameterValueException");
    const at = new Date("2024-06-01T12:00:00Z");
    const ok = await create({
      EventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/ts1",
      StartingPosition: "AT_TIMESTAMP",
      StartingPositionTimestamp: at,
    });
    expect(ok.StartingPositionTimestamp?.getTime()).toBe(at.getTime());
  });

  it("refuses parameters the source does not support and enforces SQS batching rules", async () => {
    for (const [param, value] of [
      ["ParallelizationFactor", 2],
      ["BisectBatchOnFunctionError", true],
      ["TumblingWindowInSeconds", 30],
      ["Topics", ["orders"]],
    ] as const) {
      const e = await errorOf(() => create({ EventSourceArn: queue("strict"), [param]: value }));
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.message).toBe(`Unsupported ${param} parameter for given event source mapping type.`);
    }
    const start = await errorOf(() => create({ EventSourceArn: queue("strict"), StartingPosition: "LATEST" }));
    expect(start.message).toBe("Unsupported StartingPosition parameter for given event source mapping type.");
    const scaling = await errorOf(() =>
      create({ EventSourceArn: STREAM, StartingPosition: "LATEST", ScalingConfig: { MaximumConcurrency: 5 } }),
    );
    expect(scaling.message).toBe("Unsupported ScalingConfig parameter for given event source mapping type.");

    const window = await errorOf(() => create({ EventSourceArn: queue("big-batch"), BatchSize: 100 }));
    expect(window.message).toBe(
      "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
    );
    const big = await create({
      EventSourceArn: queue("big-batch"),
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(big).toMatchObject({
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    const fifo = await errorOf(() =>
      create({ EventSourceArn: queue("jobs.fifo"), BatchSize: 11, MaximumBatchingWindowInSeconds: 1 }),
    );
    expect(fifo.name).toBe("InvalidParameterValueException");

    const range = await errorOf(() => create({ EventSourceArn: queue("range"), BatchSize: 10_001 }));
    expect(range.message).toMatch(/'batchSize'/);
    const scalingRange = await errorOf(() =>
      create({ EventSourceArn: queue("range"), ScalingConfig: { MaximumConcurrency: 1 } }),
    );
    expect(scalingRange.message).toMatch(/scalingConfig\.maximumConcurrency/);
    const age = await errorOf(() =>
      create({ EventSourceArn: STREAM, StartingPosition: "LATEST", MaximumRecordAgeInSeconds: 30 }),
    );
    expect(age.name).toBe("InvalidParameterValueException");
    const onSuccess = await errorOf(() =>
      create({
        EventSourceArn: STREAM,
        StartingPosition: "LATEST",
        DestinationConfig: { OnSuccess: { Destination: queue("ok") } },
      }),
    );
    expect(onSuccess.message).toBe("Unsupported DestinationConfig parameter for given event source mapping type.");
  });

  it("configures Kafka, MQ and DocumentDB sources with their required members", async () => {
    const noTopic = await errorOf(() => create({ EventSourceArn: MSK, StartingPosition: "LATEST" }));
    expect(noTopic.name).toBe("InvalidParameterValueException");
    const msk = await create({
      EventSourceArn: MSK,
      StartingPosition: "LATEST",
      Topics: ["orders"],
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
      MetricsConfig: { Metrics: ["EventCount", "KafkaMetrics"] },
      LoggingConfig: { SystemLogLevel: "INFO" },
    });
    expect(msk).toMatchObject({
      Topics: ["orders"],
      BatchSize: 100,
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: msk.UUID },
      StateTransitionReason: "USER_INITIATED",
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
      MetricsConfig: { Metrics: ["EventCount", "KafkaMetrics"] },
      LoggingConfig: { SystemLogLevel: "INFO" },
    });
    const pollers = await errorOf(() =>
      create({
        EventSourceArn: MSK,
        StartingPosition: "LATEST",
        Topics: ["other"],
        ProvisionedPollerConfig: { MinimumPollers: 20, MaximumPollers: 10 },
      }),
    );
    expect(pollers.name).toBe("InvalidParameterValueException");
    const kafkaMetrics = await errorOf(() =>
      create({ EventSourceArn: queue("metrics"), MetricsConfig: { Metrics: ["KafkaMetrics"] } }),
    );
    expect(kafkaMetrics.name).toBe("InvalidParameterValueException");
    const logging = await errorOf(() =>
      create({ EventSourceArn: queue("metrics"), LoggingConfig: { SystemLogLevel: "INFO" } }),
    );
    expect(logging.message).toBe("Unsupported LoggingConfig parameter for given event source mapping type.");
    const selfManaged = await create({
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ["broker-1.example.com:9092"] } },
      Topics: ["clicks"],
      StartingPosition: "TRIM_HORIZON",
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: "my-group" },
    });
    expect(selfManaged).toMatchObject({
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ["broker-1.example.com:9092"] } },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: "my-group" },
    });
    expect(selfManaged.EventSourceArn).toBeUndefined();

    const noQueue = await errorOf(() =>
      create({ EventSourceArn: MQ, SourceAccessConfigurations: [{ Type: "BASIC_AUTH", URI: SECRET }] }),
    );
    expect(noQueue.name).toBe("InvalidParameterValueException");
    const mq = await create({
      EventSourceArn: MQ,
      Queues: ["orders"],
      SourceAccessConfigurations: [{ Type: "BASIC_AUTH", URI: SECRET }],
    });
    expect(mq).toMatchObject({ Queues: ["orders"], SourceAccessConfigurations: [{ Type: "BASIC_AUTH", URI: SECRET }] });

    const noDb = await errorOf(() => create({ EventSourceArn: DOCDB, StartingPosition: "LATEST" }));
    expect(noDb.name).toBe("InvalidParameterValueException");
    const docdb = await create({
      EventSourceArn: DOCDB,
      StartingPosition: "LATEST",
      DocumentDBEventSourceConfig: { DatabaseName: "shop", CollectionName: "orders" },
      SourceAccessConfigurations: [{ Type: "BASIC_AUTH", URI: SECRET }],
    });
    expect(docdb.DocumentDBEventSourceConfig).toEqual({
      DatabaseName: "shop",
      CollectionName: "orders",
      FullDocument: "Default",
    });
  });

  it("validates the source, the function, filters and duplicates", async () => {
    const none = await errorOf(() => create({}));
    expect(none.message).toBe("Unrecognized event source.");
    const s3 = await errorOf(() => create({ EventSourceArn: "arn:aws:s3:us-east-1:000000000000:bucket" }));
    expect(s3.name).toBe("InvalidParameterValueException");
    const badArn = await errorOf(() => create({ EventSourceArn: "not-an-arn" }));
    expect(badArn.message).toMatch(/'eventSourceArn'/);

    const ghost = await errorOf(() => create({ FunctionName: "ghost", EventSourceArn: queue("ghost") }));
    expect(ghost.name).toBe("InvalidParameterValueException");
    expect(ghost.message).toBe("Function does not exist");
    const ghostVersion = await errorOf(() => create({ FunctionName: "consumer:42", EventSourceArn: queue("ghost") }));
    expect(ghostVersion.message).toBe("Function does not exist");

    const filter = await errorOf(() =>
      create({ EventSourceArn: queue("filtered"), FilterCriteria: { Filters: [{ Pattern: "{not json" }] } }),
    );
    expect(filter.message).toBe("Invalid filter pattern definition.");
    const filtered = await create({
      EventSourceArn: queue("filtered"),
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] },
    });
    expect(filtered.FilterCriteria).toEqual({ Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] });

    const first = await create({ EventSourceArn: queue("unique") });
    const dup = await errorOf(() => create({ EventSourceArn: queue("unique") }));
    expect(dup.name).toBe("ResourceConflictException");
    expect(dup.$metadata?.httpStatusCode).toBe(409);
    expect(dup.message).toBe(
      `An event source mapping with SQS arn (" ${queue("unique")} ") and function (" consumer ") already exists. Please update or delete the existing mapping with UUID ${first.UUID}`,
    );
    const streamFirst = await create({
      EventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/u",
      StartingPosition: "LATEST",
    });
    const streamDup = await errorOf(() =>
      create({ EventSourceArn: "arn:aws:kinesis:us-east-1:000000000000:stream/u", StartingPosition: "LATEST" }),
    );
    expect(streamDup.message).toMatch(
      /provided mapping already exists\. Please update or delete the existing mapping with UUID/,
    );
    expect(streamDup.message).toContain(streamFirst.UUID);
    // Another function may read the same queue.
    const other = await create({ FunctionName: "other-consumer", EventSourceArn: queue("unique") });
    expect(other.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:other-consumer");
  });

  it("maps a qualified function and records the qualified ARN", async () => {
    await t.client.send(new PublishVersionCommand({ FunctionName: "consumer" }));
    const m = await create({ FunctionName: "consumer:1", EventSourceArn: queue("versioned") });
    expect(m.FunctionArn).toBe(`${FN_ARN}:1`);
  });

  it("tags the mapping", async () => {
    const m = await create({ EventSourceArn: queue("tagged"), Tags: { env: "dev" } });
    const tags = await t.client.send(new ListTagsCommand({ Resource: m.EventSourceMappingArn }));
    expect(tags.Tags).toEqual({ env: "dev" });
  });
});

describe("lifecycle: update, enable, disable, delete", () => {
  it("moves through Updating / Disabling / Enabling and settles", async () => {
    const m = await create({ EventSourceArn: queue("life") });
    const uuid = m.UUID ?? "";
    await settlesTo(uuid, "Enabled");

    const updated = await t.client.send(
      new UpdateEventSourceMappingCommand({
        UUID: uuid,
        BatchSize: 5,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated).toMatchObject({
      State: "Updating",
      BatchSize: 5,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    expect(updated.LastModified?.getTime()).toBeGreaterThanOrEqual(m.LastModified?.getTime() ?? 0);
    await settlesTo(uuid, "Enabled");

    const disabling = await t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
    expect(disabling.State).toBe("Disabling");
    await settlesTo(uuid, "Disabled");
    const enabling = await t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }));
    expect(enabling.State).toBe("Enabling");
    await settlesTo(uuid, "Enabled");

    const moved = await t.client.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, FunctionName: "other-consumer" }),
    );
    expect(moved.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:other-consumer");
    await settlesTo(uuid, "Enabled");

    const unsupported = await errorOf(() =>
      t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ParallelizationFactor: 2 })),
    );
    expect(unsupported.message).toBe(
      "Unsupported ParallelizationFactor parameter for given event source mapping type.",
    );
    const window = await errorOf(() =>
      t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 50 })),
    );
    expect(window.name).toBe("InvalidParameterValueException");
    const ghostFn = await errorOf(() =>
      t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, FunctionName: "ghost" })),
    );
    expect(ghostFn.message).toBe("Function does not exist");

    const deleting = await t.client.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
    expect(deleting.$metadata.httpStatusCode).toBe(202);
    expect(deleting).toMatchObject({ UUID: uuid, State: "Deleting", EventSourceArn: queue("life") });
    await expect
      .poll(async () => (await errorOf(() => stateOf(uuid))).name, { timeout: 5000, interval: 20 })
      .toBe("ResourceNotFoundException");
  });

  it("refuses changes while a transition is in progress", async () => {
    const slow = await startEmulator({ stateTransitionMs: 60_000 });
    try {
      await createFunction(slow.client, "consumer", false);
      const m = await create({ EventSourceArn: queue("slow") }, slow.client);
      const update = await errorOf(() =>
        slow.client.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, BatchSize: 3 })),
      );
      expect(update.name).toBe("ResourceInUseException");
      expect(update.$metadata?.httpStatusCode).toBe(400);
      expect(update.message).toBe("Cannot update the event source mapping because it is in use.");
      const del = await errorOf(() => slow.client.send(new DeleteEventSourceMappingCommand({ UUID: m.UUID })));
      expect(del.name).toBe("ResourceInUseException");
      expect(del.message).toBe("Cannot delete the event source mapping because it is in use.");
      expect(await stateOf(m.UUID ?? "", slow.client)).toBe("Creating");
    } finally {
      await slow.dispose();
    }
  });

  it("answers 404 for an unknown UUID", async () => {
    const uuid = "00000000-0000-0000-0000-000000000000";
    for (const call of [
      () => t.client.send(new GetEventSourceMappingCommand({ UUID: uuid })),
      () => t.client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 1 })),
      () => t.client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toBe("The resource you requested does not exist.");
    }
  });

  it("keeps a mapping, and its FunctionArn, when the function is deleted", async () => {
    await createFunction(t.client, "short-lived");
    const m = await create({ FunctionName: "short-lived", EventSourceArn: queue("orphan") });
    await settlesTo(m.UUID ?? "", "Enabled");
    await t.client.send(new DeleteFunctionCommand({ FunctionName: "short-lived" }));
    const after = await t.client.send(new GetEventSourceMappingCommand({ UUID: m.UUID }));
    expect(after.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:short-lived");
    const listed = await t.client.send(new ListEventSourceMappingsCommand({ FunctionName: "short-lived" }));
    expect(listed.EventSourceMappings?.map((x) => x.UUID)).toEqual([m.UUID]);
  });
});

describe("ListEventSourceMappings", () => {
  let l: TestEmulator;
  beforeAll(async () => {
    l = await startEmulator();
    await createFunction(l.client, "consumer");
    await createFunction(l.client, "other-consumer");
  });
  afterAll(async () => {
    await l.dispose();
  });

  it("filters by event source and by function", async () => {
    const a = await create({ EventSourceArn: queue("shared") }, l.client);
    const b = await create({ FunctionName: "other-consumer", EventSourceArn: queue("shared") }, l.client);
    const c = await create({ EventSourceArn: queue("solo") }, l.client);
    const bySource = await l.client.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue("shared") }));
    expect(bySource.EventSourceMappings?.map((m) => m.UUID)).toEqual([a.UUID, b.UUID]);
    const byFunction = await l.client.send(new ListEventSourceMappingsCommand({ FunctionName: FN_ARN }));
    expect(byFunction.EventSourceMappings?.map((m) => m.UUID)).toEqual([a.UUID, c.UUID]);
    const both = await l.client.send(
      new ListEventSourceMappingsCommand({ FunctionName: "other-consumer", EventSourceArn: queue("shared") }),
    );
    expect(both.EventSourceMappings?.map((m) => m.UUID)).toEqual([b.UUID]);
    const nothing = await l.client.send(new ListEventSourceMappingsCommand({ FunctionName: "nobody" }));
    expect(nothing.EventSourceMappings).toEqual([]);
  });

  it("hides encrypted filter criteria in lists but not in Get", async () => {
    const m = await create(
      {
        EventSourceArn: queue("secret-filter"),
        KMSKeyArn: "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        FilterCriteria: { Filters: [{ Pattern: '{"body":{"a":[1]}}' }] },
      },
      l.client,
    );
    const listed = await l.client.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue("secret-filter") }));
    expect(listed.EventSourceMappings?.[0]?.FilterCriteria).toBeUndefined();
    expect(listed.EventSourceMappings?.[0]?.KMSKeyArn).toMatch(/^arn:aws:kms:/);
    const got = await l.client.send(new GetEventSourceMappingCommand({ UUID: m.UUID }));
    expect(got.FilterCriteria?.Filters).toHaveLength(1);
  });

  it("pages in creation order, stable while mappings are created between pages, at most 100 per page", async () => {
    const p = await startEmulator();
    try {
      await createFunction(p.client, "consumer");
      const made: string[] = [];
      for (let i = 0; i < 103; i++) made.push((await create({ EventSourceArn: queue(`q${i}`) }, p.client)).UUID ?? "");
      const big = await p.client.send(new ListEventSourceMappingsCommand({ MaxItems: 10_000 }));
      expect(big.EventSourceMappings).toHaveLength(100);
      expect(big.NextMarker).toBeDefined();
      const defaultPage = await p.client.send(new ListEventSourceMappingsCommand({}));
      expect(defaultPage.EventSourceMappings).toHaveLength(100);

      const seen: string[] = [];
      let marker: string | undefined;
      let added: string | undefined;
      do {
        const page = await p.client.send(new ListEventSourceMappingsCommand({ MaxItems: 40, Marker: marker }));
        seen.push(...(page.EventSourceMappings ?? []).map((m) => m.UUID ?? ""));
        marker = page.NextMarker;
        added ??= (await create({ EventSourceArn: queue("late") }, p.client)).UUID;
      } while (marker);
      expect(seen).toEqual([...made, added]);

      const bad = await errorOf(() => p.client.send(new ListEventSourceMappingsCommand({ Marker: "x" })));
      expect(bad.name).toBe("InvalidParameterValueException");
      const zero = await errorOf(() => p.client.send(new ListEventSourceMappingsCommand({ MaxItems: 0 })));
      expect(zero.name).toBe("InvalidParameterValueException");
    } finally {
      await p.dispose();
    }
  });
});

describe("persistence", () => {
  it("keeps mappings across a restart and settles a transition the stopped emulator left behind", async () => {
    const slow = await startEmulator({ stateTransitionMs: 60_000 });
    await createFunction(slow.client, "consumer", false);
    const m = await create({ EventSourceArn: queue("persisted"), BatchSize: 7 }, slow.client);
    expect(await stateOf(m.UUID ?? "", slow.client)).toBe("Creating");
    slow.client.destroy();
    await slow.stop();
    // The stopped emulator's timer is gone; the restarted one finishes the Creating transition on read.
    const fast = await startEmulator({}, slow.dataDir);
    try {
      await settlesTo(m.UUID ?? "", "Enabled", fast.client);
      const got = await fast.client.send(new GetEventSourceMappingCommand({ UUID: m.UUID }));
      expect(got).toMatchObject({ BatchSize: 7, EventSourceArn: queue("persisted"), FunctionArn: FN_ARN });
    } finally {
      await fast.dispose();
    }
  });
});
