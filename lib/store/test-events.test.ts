import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { openConsoleDb } = await import("./console-db");
const { testEventStore, TestEventError } = await import("./test-events");

function store(scope = "emulator:test") {
  return testEventStore(openConsoleDb(":memory:"), scope);
}

describe("test event store", () => {
  it("creates, lists by name, renames, updates and deletes", () => {
    const s = store();
    const b = s.create("fn", "beta", '{"b":1}');
    s.create("fn", "Alpha", "{}");
    s.create("other", "gamma", "{}");
    expect(s.list("fn").map((e) => e.name)).toEqual(["Alpha", "beta"]);
    const renamed = s.update("fn", b.id, { name: "zeta", payload: '{"z":1}' });
    expect(renamed).toMatchObject({ name: "zeta", payload: '{"z":1}', createdAt: b.createdAt });
    s.delete("fn", b.id);
    expect(s.list("fn").map((e) => e.name)).toEqual(["Alpha"]);
  });

  it("refuses duplicate names per function, but not across functions or scopes", () => {
    const db = openConsoleDb(":memory:");
    const s = testEventStore(db, "a");
    s.create("fn", "same", "{}");
    expect(() => s.create("fn", "same", "{}")).toThrow(TestEventError);
    expect(() => s.create("fn2", "same", "{}")).not.toThrow();
    expect(() => testEventStore(db, "b").create("fn", "same", "{}")).not.toThrow();
    const other = s.create("fn", "other", "{}");
    expect(() => s.update("fn", other.id, { name: "same" })).toThrow("already exists");
  });

  it("duplicates with the first free -copy name within the length limit", () => {
    const s = store();
    const e = s.create("fn", "a-very-long-event-name-xx", "{}");
    expect(s.duplicate("fn", e.id, 25).name).toBe("a-very-long-event-na-copy");
    expect(s.duplicate("fn", e.id, 25).name).toBe("a-very-long-event-n-copy2");
  });

  it("keeps scopes apart and reports missing events", () => {
    const db = openConsoleDb(":memory:");
    const e = testEventStore(db, "a").create("fn", "x", "{}");
    expect(testEventStore(db, "b").list("fn")).toEqual([]);
    expect(() => testEventStore(db, "b").delete("fn", e.id)).toThrow("no longer exists");
  });
});
