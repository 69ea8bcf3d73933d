import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { actionNames } from "../lib/lambda-model/model";
import { coverageRows, coverageTable } from "./coverage-table";

const root = resolve(import.meta.dirname, "..");

describe("API coverage table", () => {
  const rows = coverageRows(readFileSync(join(root, "docs", "api-coverage.md"), "utf8"));

  it("names every action of the reference exactly once", () => {
    expect(rows.map((r) => r.action).sort()).toEqual([...actionNames].sort());
  });

  it("is the table the README shows (run npm run docs:coverage after editing docs/api-coverage.md)", () => {
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(coverageTable(rows));
  });
});
