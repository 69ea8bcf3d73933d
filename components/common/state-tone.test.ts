import { describe, expect, it } from "vitest";
import { stateLabel, stateTone } from "./state-tone";

describe("stateTone", () => {
  it("maps function states and update statuses", () => {
    expect(stateTone("Active")).toBe("success");
    expect(stateTone("Successful")).toBe("success");
    expect(stateTone("Pending")).toBe("progress");
    expect(stateTone("InProgress")).toBe("progress");
    expect(stateTone("Failed")).toBe("danger");
    expect(stateTone("Inactive")).toBe("warning");
    expect(stateTone(undefined)).toBe("neutral");
  });
  it("labels states for people", () => {
    expect(stateLabel("InProgress")).toBe("In progress");
    expect(stateLabel("Active")).toBe("Active");
    expect(stateLabel(undefined)).toBe("Unknown");
  });
});
