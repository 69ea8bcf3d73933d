import { describe, expect, it } from "vitest";
import { CURRENT_RUNTIMES } from "@/lib/lambda-model/runtimes";
import { hasRunnableStarter, runtimeGroups } from "./runtime-options";

describe("runtimeGroups", () => {
  it("offers every current runtime exactly once, grouped by family in order", () => {
    const groups = runtimeGroups();
    expect(groups.map((g) => g.label)).toEqual(["Node.js", "Python", "OS-only runtime", "Java", ".NET", "Ruby"]);
    expect(groups.flatMap((g) => g.runtimes)).toEqual([...CURRENT_RUNTIMES]);
  });
  it("knows which runtimes get runnable starter code", () => {
    expect(hasRunnableStarter("nodejs22.x")).toBe(true);
    expect(hasRunnableStarter("provided.al2023")).toBe(true);
    expect(hasRunnableStarter("java21")).toBe(false);
    expect(hasRunnableStarter("dotnet8")).toBe(false);
  });
});
