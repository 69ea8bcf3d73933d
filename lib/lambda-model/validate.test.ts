import { describe, expect, it } from "vitest";
import { formatViolations, validateActionInput } from "./validate";
import { actionNames, lambdaModel } from "./model";

describe("validateActionInput", () => {
  it("accepts a minimal valid CreateFunction input", () => {
    expect(
      validateActionInput("CreateFunction", {
        FunctionName: "ok",
        Role: "arn:aws:iam::000000000000:role/r",
        Code: { ZipFile: "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" },
      }),
    ).toEqual([]);
  });

  it("reports each broken constraint with the AWS field path", () => {
    const violations = validateActionInput("CreateFunction", {
      FunctionName: "ok",
      Role: "arn:aws:iam::000000000000:role/r",
      Code: {},
      MemorySize: 64,
      Environment: { Variables: { "9x": "v" } },
      KMSKeyArn: 5,
    });
    const paths = violations.map((v) => v.path).sort();
    expect(paths).toEqual(["environment.variables", "kMSKeyArn", "memorySize"]);
    const message = formatViolations(violations);
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain(
      "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
  });

  it("flags missing required members as null", () => {
    const [v] = validateActionInput("CreateFunction", { Role: "arn:aws:iam::000000000000:role/r", Code: {} });
    expect(v).toMatchObject({ path: "functionName", constraint: "Member must not be null" });
    expect(formatViolations(v ? [v] : [])).toContain("Value null at 'functionName'");
  });

  it("treats null optional members as absent, as the service does", () => {
    expect(validateActionInput("ListFunctions", { MaxItems: null, Marker: null })).toEqual([]);
  });

  it("builds a schema for every action of the reference without throwing", () => {
    expect(actionNames.length).toBe(85);
    for (const name of actionNames) expect(() => validateActionInput(name, {})).not.toThrow();
    expect(Object.keys(lambdaModel.types).length).toBeGreaterThan(100);
  });
});
