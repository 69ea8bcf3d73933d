import { describe, expect, it } from "vitest";
import { FUNCTION_TABS, tabsOf } from "./function-tab-list";

describe("tabsOf", () => {
  const names = (durable: boolean | undefined) => tabsOf(durable).map((t) => t.tab);

  it("hides durable executions on an ordinary function", () => {
    expect(names(false)).not.toContain("durable-executions");
    expect(names(false)).toHaveLength(FUNCTION_TABS.length - 1);
  });

  it("shows them on a durable function, and while the configuration is unknown", () => {
    expect(names(true)).toContain("durable-executions");
    expect(names(undefined)).toEqual(FUNCTION_TABS.map((t) => t.tab));
  });
});
