import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { explained } = await import("./logged-invocations");
const { AwsCallError } = await import("./errors");

describe("explained", () => {
  it("names the missing permission and the log group when CloudWatch Logs denies access", () => {
    const denied = new AwsCallError({
      code: "AccessDeniedException",
      message:
        "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:log-stream:",
      requestId: "r-1",
      status: 400,
    });
    const out = explained(denied, "/aws/lambda/orders");
    expect(out).toBeInstanceOf(AwsCallError);
    expect((out as InstanceType<typeof AwsCallError>).detail).toEqual({
      code: "AccessDeniedException",
      message: expect.stringMatching(
        /^The console's credentials may not read the log group \/aws\/lambda\/orders: they need the logs:FilterLogEvents permission on it\. \(User: arn:aws:iam::123456789012:user\/dev is not authorized/,
      ) as string,
      requestId: "r-1",
      status: 403,
    });
  });

  it("leaves other errors as they are", () => {
    const throttled = new AwsCallError({ code: "ThrottlingException", message: "Rate exceeded", status: 400 });
    expect(explained(throttled, "/aws/lambda/orders")).toBe(throttled);
  });
});
