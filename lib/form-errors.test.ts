import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstIssuePerField } from "./form-errors";

const Schema = z.object({
  name: z
    .string()
    .min(3, { error: "Too short." })
    .regex(/^[a-z]+$/, { error: "Letters only." }),
  config: z.object({ timeout: z.number().min(1, { error: "At least 1." }) }),
});

describe("firstIssuePerField", () => {
  it("keeps the first message of each field", () => {
    const parsed = Schema.safeParse({ name: "A", config: { timeout: 1 } });
    expect(parsed.success).toBe(false);
    expect(firstIssuePerField(parsed.error?.issues ?? [])).toEqual({ name: "Too short." });
  });

  it("names fields by a deeper path segment for nested forms", () => {
    const parsed = Schema.safeParse({ name: "abc", config: { timeout: 0 } });
    expect(firstIssuePerField(parsed.error?.issues ?? [], 1)).toEqual({ timeout: "At least 1." });
  });
});
