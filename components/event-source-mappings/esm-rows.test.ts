import { describe, expect, it } from "vitest";
import { mappingRow } from "./esm-rows";

describe("mapping rows", () => {
  it("shows the queue name and the function with its alias", () => {
    const row = mappingRow({
      UUID: "u",
      EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:orders",
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:worker:live",
      State: "Enabled",
    });
    expect(row).toMatchObject({
      sourceLabel: "Amazon SQS",
      source: "orders",
      functionName: "worker",
      functionLabel: "worker:live",
      busy: false,
    });
  });

  it("shortens stream and broker ARNs and names topics and queues", () => {
    expect(
      mappingRow({ UUID: "u", EventSourceArn: "arn:aws:dynamodb:us-east-1:0:table/users/stream/2024-01-01T00:00" })
        .source,
    ).toBe("users");
    expect(mappingRow({ UUID: "u", EventSourceArn: "arn:aws:kinesis:us-east-1:0:stream/clicks" }).source).toBe(
      "clicks",
    );
    expect(
      mappingRow({ UUID: "u", EventSourceArn: "arn:aws:mq:us-east-1:0:broker:main:b-1", Queues: ["jobs"] }).source,
    ).toBe("main · jobs");
    expect(
      mappingRow({
        UUID: "u",
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ["k1:9092", "k2:9092"] } },
        Topics: ["t"],
        State: "Creating",
      }),
    ).toMatchObject({ sourceLabel: "Self-managed Kafka", source: "k1:9092, k2:9092 · t", busy: true });
  });
});
