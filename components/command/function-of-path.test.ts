import { describe, expect, it } from "vitest";
import { functionOfPath } from "./function-of-path";

describe("functionOfPath", () => {
  it("names the function of a function page or any of its sections", () => {
    expect(functionOfPath("/functions/hello-world")).toBe("hello-world");
    expect(functionOfPath("/functions/hello-world/invocations/abc")).toBe("hello-world");
    expect(functionOfPath("/functions/a%3Ab")).toBe("a:b");
  });
  it("is undefined elsewhere and for malformed paths", () => {
    expect(functionOfPath("/functions")).toBeUndefined();
    expect(functionOfPath("/layers/x")).toBeUndefined();
    expect(functionOfPath("/functions/%E0%A4%A")).toBeUndefined();
  });
});
