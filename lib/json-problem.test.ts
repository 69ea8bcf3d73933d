import { describe, expect, it } from "vitest";
import { jsonProblem } from "./json-problem";

describe("jsonProblem", () => {
  it("is undefined for any JSON value and the parser's message otherwise", () => {
    expect(jsonProblem('{"a": [1, null]}')).toBeUndefined();
    expect(jsonProblem('"text"')).toBeUndefined();
    expect(jsonProblem("{a: 1}")).toMatch(/JSON/);
    expect(jsonProblem("")).toEqual(expect.any(String));
  });
});
