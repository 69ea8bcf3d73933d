import { describe, expect, it } from "vitest";
import { errorHint } from "./error-hint";

describe("errorHint", () => {
  it("explains connection and credential failures", () => {
    expect(errorHint({ code: "EndpointUnreachable", message: "x" })).toMatch(/npm run emulator/);
    expect(errorHint({ code: "UnrecognizedClientException", message: "x" })).toMatch(/credentials were rejected/);
    expect(errorHint({ code: "PreconditionFailedException", message: "x" })).toMatch(/Reload/);
  });
  it("says nothing when the message is enough", () => {
    expect(errorHint({ code: "ResourceNotFoundException", message: "Function not found" })).toBeUndefined();
    expect(errorHint({ code: "UnexpectedError", message: "boom", status: 500 })).toBeUndefined();
  });
  it("recognises unimplemented operations", () => {
    expect(errorHint({ code: "UnexpectedError", message: "x", status: 404 })).toMatch(/does not implement/);
  });
});
