import { describe, expect, it } from "vitest";
import { ApiError, toConsoleError } from "./console-error";

describe("toConsoleError", () => {
  it("reads an ApiError and a plain ConsoleError alike", () => {
    const detail = { code: "TooManyRequestsException", message: "Rate exceeded", requestId: "r", status: 429 };
    expect(toConsoleError(new ApiError(detail))).toEqual(detail);
    expect(toConsoleError(detail)).toEqual(detail);
  });
  it("keeps the digest of a sanitized server error as its reference", () => {
    const sanitized = Object.assign(new Error("An error occurred in the Server Components render."), {
      digest: "123",
    });
    expect(toConsoleError(sanitized)).toEqual({
      code: "UnexpectedError",
      message: "An error occurred in the Server Components render.",
      requestId: "digest 123",
    });
  });
  it("copes with anything thrown", () => {
    expect(toConsoleError(42)).toEqual({ code: "UnexpectedError", message: "42" });
  });
});
