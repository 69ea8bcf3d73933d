/**
 * The precompiled check may only ever say "valid" where zod agrees: fuzzed over every action with
 * values that hit each constraint's edges. It must also actually pass the common Invoke input.
 */
import { describe, expect, it } from "vitest";
import { actionModel, actionNames } from "../lib/lambda-model/model";
import { validateActionInput } from "../lib/lambda-model/validate";
import { quickValid } from "./quick-validate";

const VALUES: unknown[] = [
  undefined,
  null,
  "",
  "a",
  "my-function",
  "$LATEST",
  "1",
  "Event",
  "RequestResponse",
  "Tail",
  "arn:aws:lambda:us-east-1:000000000000:function:f:live",
  "x".repeat(65),
  "x".repeat(300),
  "with space",
  "ünïcödé",
  -1,
  0,
  1,
  2.5,
  128,
  10241,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  Buffer.from("{}"),
  { a: 1 },
  ["a"],
];

function pick<T>(list: T[], seed: { n: number }): T {
  seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
  return list[seed.n % list.length] as T;
}

describe("quickValid", () => {
  it("never accepts an input zod refuses", () => {
    const seed = { n: 42 };
    let accepted = 0;
    for (const action of actionNames) {
      const model = actionModel(action);
      const names = Object.keys(model.input);
      for (let round = 0; round < 150; round++) {
        const input: Record<string, unknown> = {};
        for (const name of names) {
          const v = pick(VALUES, seed);
          if (v !== undefined) input[name] = v;
        }
        if (quickValid(action, model, input)) {
          accepted++;
          expect(validateActionInput(action, input), `${action} ${JSON.stringify(input)}`).toEqual([]);
        }
      }
    }
    // The fuzz must exercise the "valid" side too, or it proves nothing.
    expect(accepted).toBeGreaterThan(50);
  });

  it("passes an ordinary Invoke and refuses a bad one", () => {
    const model = actionModel("Invoke");
    expect(
      quickValid("Invoke", model, { FunctionName: "fn", InvocationType: "Event", Payload: Buffer.from("{}") }),
    ).toBe(true);
    expect(quickValid("Invoke", model, { FunctionName: "fn", InvocationType: "Sometimes" })).toBe(false);
    expect(quickValid("Invoke", model, { FunctionName: "bad name!" })).toBe(false);
    expect(quickValid("Invoke", model, {})).toBe(false);
  });
});
