import { describe, expect, it } from "vitest";
import { TestEventNameSchema } from "@/lib/test-event-forms";
import { EVENT_TEMPLATES, templatePayload } from "./event-templates";

const ctx = { region: "eu-west-1", account: "123456789012", functionName: "orders" };

describe("event templates", () => {
  it("cover the common event sources with unique ids and valid default names", () => {
    const ids = EVENT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "apigateway-rest",
      "apigateway-http",
      "function-url",
      "sqs",
      "sns",
      "s3-put",
      "eventbridge",
      "dynamodb-stream",
      "kinesis",
      "scheduled",
      "alb",
    ]) {
      expect(ids).toContain(id);
    }
    for (const t of EVENT_TEMPLATES) expect(TestEventNameSchema.safeParse(t.eventName).success, t.id).toBe(true);
  });

  it("produce JSON with the region and account filled in", () => {
    for (const t of EVENT_TEMPLATES) {
      const text = templatePayload(t, ctx);
      expect(() => JSON.parse(text), t.id).not.toThrow();
      if (!["alb", "apigateway-http", "function-url", "apigateway-rest"].includes(t.id)) {
        expect(text, t.id).toContain("eu-west-1");
      }
    }
  });

  it("have the fields handlers read", () => {
    const get = (id: string) =>
      JSON.parse(
        templatePayload(
          EVENT_TEMPLATES.find((t) => t.id === id)!,
          ctx,
        ),
      );
    expect(get("apigateway-rest")).toMatchObject({ httpMethod: "POST", pathParameters: { id: "42" } });
    expect(get("apigateway-http")).toMatchObject({ version: "2.0", requestContext: { http: { method: "POST" } } });
    expect(get("function-url").requestContext.domainName).toMatch(/\.lambda-url\.eu-west-1\.on\.aws$/);
    expect(get("sqs").Records[0]).toMatchObject({
      eventSource: "aws:sqs",
      eventSourceARN: expect.stringContaining("123456789012"),
    });
    expect(JSON.parse(get("sns").Records[0].Sns.Message)).toMatchObject({ orderId: "o-1001" });
    expect(get("s3-put").Records[0].s3.object.key).toBe("invoices/2026/01/inv-1001.pdf");
    expect(get("eventbridge")["detail-type"]).toBe("Order Placed");
    expect(get("scheduled")).toMatchObject({ "detail-type": "Scheduled Event", source: "aws.events" });
    expect(get("dynamodb-stream").Records.map((r: { eventName: string }) => r.eventName)).toEqual(["INSERT", "MODIFY"]);
    expect(JSON.parse(atob(get("kinesis").Records[0].kinesis.data))).toEqual({
      deviceId: "device-7",
      temperature: 21.4,
    });
    expect(get("alb").requestContext.elb.targetGroupArn).toContain("eu-west-1:123456789012");
  });
});
