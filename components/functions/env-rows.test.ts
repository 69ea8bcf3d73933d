import { describe, expect, it } from "vitest";
import {
  environmentBytes,
  isOverLimit,
  rowsChanged,
  rowsFromVariables,
  validateRows,
  variablesFromRows,
  type EnvRow,
} from "./env-rows";

const row = (id: string, key: string, value = "v"): EnvRow => ({ id, key, value });

describe("rows ↔ variables", () => {
  it("round-trips, sorted by key", () => {
    const rows = rowsFromVariables({ B: "2", A: "1" });
    expect(rows.map((r) => r.key)).toEqual(["A", "B"]);
    expect(variablesFromRows(rows)).toEqual({ A: "1", B: "2" });
  });
  it("drops blank placeholder rows and trims keys", () => {
    expect(variablesFromRows([row("1", " KEY "), row("2", "", "")])).toEqual({ KEY: "v" });
  });
  it("detects changes regardless of order", () => {
    expect(rowsChanged(rowsFromVariables({ A: "1", B: "2" }), { B: "2", A: "1" })).toBe(false);
    expect(rowsChanged([row("1", "A", "1")], { A: "1", B: "2" })).toBe(true);
    expect(rowsChanged([row("1", "A", "x")], { A: "1" })).toBe(true);
    expect(rowsChanged([], undefined)).toBe(false);
  });
});

describe("validateRows", () => {
  it("flags bad, reserved, duplicate and missing keys per row", () => {
    const errors = validateRows([
      row("1", "GOOD_KEY"),
      row("2", "9starts_with_digit"),
      row("3", "AWS_REGION"),
      row("4", "GOOD_KEY"),
      row("5", "", "value without key"),
      row("6", "", ""),
    ]);
    expect(errors["1"]).toBeUndefined();
    expect(errors["2"]).toMatch(/start with a letter/);
    expect(errors["3"]).toBe("Reserved by Lambda.");
    expect(errors["4"]).toBe("Duplicate key.");
    expect(errors["5"]).toBe("Enter a key.");
    expect(errors["6"]).toBeUndefined();
  });
});

describe("environment size", () => {
  it("measures the JSON of the map, as Lambda does", () => {
    expect(environmentBytes({})).toBe(0);
    expect(environmentBytes({ A: "1" })).toBe('{"A":"1"}'.length);
    expect(environmentBytes({ K: "é" })).toBe(10);
  });
  it("enforces 4 KB", () => {
    expect(isOverLimit({ K: "x".repeat(4000) })).toBe(false);
    expect(isOverLimit({ K: "x".repeat(4096) })).toBe(true);
  });
});
