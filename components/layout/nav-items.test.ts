import { describe, expect, it } from "vitest";
import { activeHref, NAV_FOOTER, NAV_PRIMARY, NAV_RESOURCES } from "./nav-items";

const all = [...NAV_PRIMARY, ...NAV_RESOURCES, ...NAV_FOOTER];

describe("activeHref", () => {
  it("marks a section for its own page and everything under it", () => {
    expect(activeHref("/functions", all)).toBe("/functions");
    expect(activeHref("/functions/hello/configuration", all)).toBe("/functions");
    expect(activeHref("/layers", all)).toBe("/layers");
  });
  it("does not match on a shared prefix alone", () => {
    expect(activeHref("/functionsx", all)).toBeUndefined();
    expect(activeHref("/", all)).toBeUndefined();
  });
});
