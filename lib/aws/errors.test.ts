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
    expect(toAwsError(refused)).toMatchObject({
      code: "EndpointUnreachable",
      status: 503,
      message: expect.stringContaining("http://127.0.0.1:9001"),
    });
    expect(toAwsError(new AggregateError([refused], "all failed")).code).toBe("EndpointUnreachable");
  });
  it("names anonymous failures UnexpectedError", () => {
    expect(toAwsError(new Error("boom"))).toEqual({ code: "UnexpectedError", message: "boom" });
    expect(toAwsError("weird")).toEqual({ code: "UnexpectedError", message: "weird" });
  });
});
