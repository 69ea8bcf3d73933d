import { describe, expect, it } from "vitest";
import { aliasesByVersion, conflictingAliases, likelyUnchanged, newestPublished } from "./version-rows";

describe("version rows", () => {
  it("lists each alias under the versions it routes to, with its share", () => {
    const map = aliasesByVersion([
      { Name: "prod", FunctionVersion: "1", AdditionalVersionWeights: { "2": 0.1 } },
      { Name: "beta", FunctionVersion: "2" },
    ]);
    expect(map.get("1")).toEqual([{ name: "prod", percent: 90 }]);
    expect(map.get("2")).toEqual([
      { name: "beta", percent: 100 },
      { name: "prod", percent: 10 },
    ]);
    expect(map.get("3")).toBeUndefined();
  });

  it("finds the newest published version numerically", () => {
    expect(newestPublished([{ Version: "$LATEST" }, { Version: "9" }, { Version: "10" }])?.Version).toBe("10");
    expect(newestPublished([{ Version: "$LATEST" }])).toBeUndefined();
  });

  it("guesses when publishing would return the existing version", () => {
    const newest = { Version: "2", CodeSha256: "abc", LastModified: "2024-05-01T12:00:00.000+0000" };
    expect(likelyUnchanged({ CodeSha256: "abc", LastModified: "2024-05-01T11:00:00.000+0000" }, newest)).toBe(true);
    expect(likelyUnchanged({ CodeSha256: "abc", LastModified: "2024-05-01T13:00:00.000+0000" }, newest)).toBe(false);
    expect(likelyUnchanged({ CodeSha256: "xyz", LastModified: "2024-05-01T11:00:00.000+0000" }, newest)).toBe(false);
    expect(likelyUnchanged({ CodeSha256: "abc" }, undefined)).toBe(false);
  });

  it("reads the aliases out of the delete conflict", () => {
    expect(
      conflictingAliases("Unable to delete version because the following aliases reference it: [prod, beta]"),
    ).toEqual(["prod", "beta"]);
    expect(conflictingAliases("Function not found")).toEqual([]);
  });
});
