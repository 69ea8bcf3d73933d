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
  it("maps provisioned concurrency and event source mapping states", () => {
    expect(stateTone("READY")).toBe("success");
    expect(stateTone("IN_PROGRESS")).toBe("progress");
    expect(stateTone("FAILED")).toBe("danger");
    expect(stateTone("Enabled")).toBe("success");
    expect(stateTone("Disabling")).toBe("progress");
    expect(stateTone("Disabled")).toBe("neutral");
  });
  it("labels states for people", () => {
    expect(stateLabel("InProgress")).toBe("In progress");
    expect(stateLabel("Active")).toBe("Active");
    expect(stateLabel(undefined)).toBe("Unknown");
    expect(stateLabel("IN_PROGRESS")).toBe("In progress");
    expect(stateLabel("READY")).toBe("Ready");
  });
});
