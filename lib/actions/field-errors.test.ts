import { describe, expect, it } from "vitest";
import { formatViolations } from "@/lib/lambda-model/validate";
import { fieldErrorsFromAwsMessage } from "./field-errors";

describe("fieldErrorsFromAwsMessage", () => {
  it("reads one violation", () => {
    const message =
      "1 validation error detected: Value '5' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128";
    expect(fieldErrorsFromAwsMessage(message)).toEqual({
      memorySize: "Member must have value greater than or equal to 128.",
    });
  });
  it("reads several, including values with quotes and semicolons", () => {
    const message = formatViolations([
      { path: "description", value: "it's; odd", constraint: "Member must have length less than or equal to 256" },
      { path: "timeout", value: 0, constraint: "Member must have value greater than or equal to 1" },
      { path: "environment.variables", value: { "1x": "y" }, constraint: "Map keys must satisfy constraint: [x]" },
    ]);
    expect(fieldErrorsFromAwsMessage(message)).toEqual({
      description: "Member must have length less than or equal to 256.",
      timeout: "Member must have value greater than or equal to 1.",
      environment: "Map keys must satisfy constraint: [x].",
    });
  });
  it("maps reserved environment keys to the editor and to each key", () => {
    const message =
      "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION, _HANDLER";
    expect(fieldErrorsFromAwsMessage(message)).toEqual({
      environment: "Lambda reserves AWS_REGION, _HANDLER; choose other names.",
      "environment.AWS_REGION": "Reserved by Lambda.",
      "environment._HANDLER": "Reserved by Lambda.",
    });
  });
  it("maps the 4 KB limit to the editor", () => {
    const message =
      'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {"A":"xxxx';
    expect(fieldErrorsFromAwsMessage(message)).toEqual({
      environment: "Environment variables exceed the 4 KB limit.",
    });
  });
  it("finds nothing in other errors", () => {
    expect(fieldErrorsFromAwsMessage("Function not found: arn:aws:lambda:us-east-1:000000000000:function:x")).toEqual(
      {},
    );
  });
});
