import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { toAwsError } = await import("./errors");

describe("toAwsError", () => {
  it("keeps the AWS error name, message, request id and status", () => {
    const sdkError = Object.assign(new Error("Function not found: arn:aws:lambda:us-east-1:000000000000:function:x"), {
      name: "ResourceNotFoundException",
      $metadata: { httpStatusCode: 404, requestId: "req-1" },
    });
    expect(toAwsError(sdkError)).toEqual({
      code: "ResourceNotFoundException",
      message: "Function not found: arn:aws:lambda:us-east-1:000000000000:function:x",
      requestId: "req-1",
      status: 404,
    });
  });
  it("turns a refused connection into EndpointUnreachable naming the endpoint", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9001"), { code: "ECONNREFUSED" });
    const emulator = { kind: "emulator", endpoint: "http://127.0.0.1:9001", region: "us-east-1" } as const;
    expect(toAwsError(refused, emulator)).toMatchObject({
      code: "EndpointUnreachable",
      status: 503,
      message: "Could not reach the Lambda emulator at http://127.0.0.1:9001 (ECONNREFUSED).",
    });
    expect(toAwsError(new AggregateError([refused], "all failed"), emulator).code).toBe("EndpointUnreachable");
    const endpoint = { kind: "endpoint", endpoint: "https://lambda.example.com", region: "eu-west-1" } as const;
    expect(toAwsError(refused, endpoint).message).toBe(
      "Could not reach the Lambda endpoint at https://lambda.example.com (ECONNREFUSED).",
    );
  });
  it("names anonymous failures UnexpectedError", () => {
    expect(toAwsError(new Error("boom"))).toEqual({ code: "UnexpectedError", message: "boom" });
    expect(toAwsError("weird")).toEqual({ code: "UnexpectedError", message: "weird" });
  });
});
