import { describe, expect, it } from "vitest";
import { executionArnFromKey, executionKey, parseDurableExecutionArn } from "./durable-arn";

const FN = "arn:aws:lambda:us-east-1:000000000000:function:orders";
const ARN = `${FN}:$LATEST/durable-execution/order-42/9f1c2b_x`;

describe("parseDurableExecutionArn", () => {
  it("splits an execution ARN into function, version, name and id", () => {
    expect(parseDurableExecutionArn(ARN)).toEqual({
      functionArn: FN,
      functionName: "orders",
      version: "$LATEST",
      name: "order-42",
      id: "9f1c2b_x",
    });
  });

  it("rejects ARNs that are not durable executions", () => {
    expect(parseDurableExecutionArn(FN)).toBeUndefined();
    expect(parseDurableExecutionArn(`${FN}:prod/durable-execution/a/b`)).toBeUndefined();
    expect(parseDurableExecutionArn(`${ARN}/extra`)).toBeUndefined();
  });
});

describe("execution keys", () => {
  it("round-trips $LATEST, published and numbered versions", () => {
    for (const version of ["$LATEST", "$LATEST.PUBLISHED", "7"]) {
      const arn = `${FN}:${version}/durable-execution/run_1/abc-DEF`;
      const key = executionKey(arn);
      expect(key).toBeDefined();
      expect(executionArnFromKey(FN, key ?? "")).toBe(arn);
    }
  });

  it("keeps $LATEST keys short and URL-safe", () => {
    expect(executionKey(ARN)).toBe("order-42.9f1c2b_x");
    expect(executionKey(`${FN}:3/durable-execution/a/b`)).toBe("a.b.3");
    expect(encodeURIComponent(executionKey(ARN) ?? "")).toBe(executionKey(ARN));
  });

  it("ignores the qualifier of the function ARN it is given", () => {
    expect(executionArnFromKey(`${FN}:prod`, "a.b")).toBe(`${FN}:$LATEST/durable-execution/a/b`);
  });

  it("refuses malformed keys", () => {
    expect(executionArnFromKey(FN, "only-name")).toBeUndefined();
    expect(executionArnFromKey(FN, "a.b.prod")).toBeUndefined();
    expect(executionArnFromKey(FN, "a/b.c")).toBeUndefined();
    expect(executionArnFromKey("not-an-arn", "a.b")).toBeUndefined();
  });
});
