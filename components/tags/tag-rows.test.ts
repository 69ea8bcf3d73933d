import { describe, expect, it } from "vitest";
import { rowsFromTags, tagsChanged, tagsFromRows, tooManyTags, validateTagRows } from "./tag-rows";

describe("tag rows", () => {
  it("round-trips a tag map, sorted by key", () => {
    const rows = rowsFromTags({ team: "core", env: "dev" });
    expect(rows.map((r) => r.key)).toEqual(["env", "team"]);
    expect(tagsFromRows(rows)).toEqual({ env: "dev", team: "core" });
    expect(tagsChanged(rows, { env: "dev", team: "core" })).toBe(false);
    expect(tagsChanged(rows, { env: "prod", team: "core" })).toBe(true);
  });

  it("checks the API's limits per row", () => {
    const errors = validateTagRows([
      { id: "a", key: "aws:owner", value: "x" },
      { id: "b", key: "k".repeat(129), value: "" },
      { id: "c", key: "ok", value: "v".repeat(257) },
      { id: "d", key: "dup", value: "1" },
      { id: "e", key: "dup", value: "2" },
      { id: "f", key: "", value: "" },
    ]);
    expect(errors).toEqual({
      a: "The aws: prefix is reserved for AWS.",
      b: "Keys are at most 128 characters.",
      c: "Values are at most 256 characters.",
      e: "Duplicate key.",
    });
  });

  it("counts tags against the 50-tag limit", () => {
    const rows = Array.from({ length: 51 }, (_, i) => ({ id: String(i), key: `k${i}`, value: "" }));
    expect(tooManyTags(rows)).toBe(true);
    expect(tooManyTags(rows.slice(1))).toBe(false);
  });
});
