import { describe, expect, it } from "vitest";
import {
  formatRouting,
  percentFromWeight,
  routingFormFromWeights,
  routingShares,
  weightFromPercent,
  weightsFromRoutingForm,
} from "./routing-weights";

describe("routing weights ↔ percentages", () => {
  it("converts both ways without float noise", () => {
    expect(weightFromPercent(10)).toBe(0.1);
    expect(weightFromPercent(33.3)).toBe(0.333);
    expect(weightFromPercent(150)).toBe(1);
    expect(weightFromPercent(-5)).toBe(0);
    expect(percentFromWeight(0.1)).toBe(10);
    expect(percentFromWeight(0.33333)).toBe(33.3);
    expect(percentFromWeight(0.07)).toBe(7);
  });

  it("gives the primary version what the additional one leaves", () => {
    expect(routingShares("1", { "2": 0.1 })).toEqual([
      { version: "1", percent: 90, primary: true },
      { version: "2", percent: 10, primary: false },
    ]);
    expect(routingShares("3", undefined)).toEqual([{ version: "3", percent: 100, primary: true }]);
    expect(routingShares("1", { "2": 1 })[0]?.percent).toBe(0);
  });

  it("reads as the console shows it", () => {
    expect(formatRouting(routingShares("1", { "2": 0.1 }))).toBe("1 → 90% · 2 → 10%");
    expect(formatRouting(routingShares("4", { "5": 0.125 }))).toBe("4 → 87.5% · 5 → 12.5%");
    expect(formatRouting(routingShares("$LATEST", {}))).toBe("$LATEST → 100%");
  });

  it("round-trips the form", () => {
    const form = routingFormFromWeights({ "7": 0.25 });
    expect(form).toEqual({ enabled: true, additionalVersion: "7", percent: 25 });
    expect(weightsFromRoutingForm(form)).toEqual({ "7": 0.25 });
    expect(weightsFromRoutingForm({ ...form, enabled: false })).toEqual({});
    expect(weightsFromRoutingForm({ enabled: true, additionalVersion: "", percent: 5 })).toEqual({});
    expect(routingFormFromWeights(undefined).enabled).toBe(false);
  });
});
