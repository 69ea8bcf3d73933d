/**
 * Saved test events, per connection scope and function. AWS keeps "shareable test events" in a schema
 * registry; the console keeps its own so the feature works offline and against any endpoint.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { TestEvent } from "@/lib/lambda-types";
import type { ConsoleDb } from "./console-db";

interface Row {
  id: string;
  function_name: string;
  name: string;
  payload: string;
  created_at: string;
  updated_at: string;
}

/** A write the store refused for a reason the user can fix (a duplicate name, a missing event). */
export class TestEventError extends Error {
  constructor(
    readonly code: "ResourceConflictException" | "ResourceNotFoundException",
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

function toEvent(row: Row): TestEvent {
  return {
    id: row.id,
    functionName: row.function_name,
    name: row.name,
    payload: row.payload,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

export function testEventStore(db: ConsoleDb, scope: string) {
  const byId = (functionName: string, id: string) =>
    db
      .prepare<[string, string, string], Row>(
        "SELECT * FROM test_events WHERE scope = ? AND function_name = ? AND id = ?",
      )
      .get(scope, functionName, id);

  function mustGet(functionName: string, id: string): Row {
    const row = byId(functionName, id);
    if (!row) throw new TestEventError("ResourceNotFoundException", "This test event no longer exists.");
    return row;
  }

  function conflict(name: string): TestEventError {
    return new TestEventError("ResourceConflictException", `An event named ${name} already exists.`);
  }

  return {
    list(functionName: string): TestEvent[] {
      return db
        .prepare<[string, string], Row>(
          "SELECT * FROM test_events WHERE scope = ? AND function_name = ? ORDER BY name COLLATE NOCASE",
        )
        .all(scope, functionName)
        .map(toEvent);
    },

    create(functionName: string, name: string, payload: string, now = new Date()): TestEvent {
      const row: Row = {
        id: randomUUID(),
        function_name: functionName,
        name,
        payload,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      try {
        db.prepare(
          "INSERT INTO test_events (id, scope, function_name, name, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(row.id, scope, functionName, name, payload, row.created_at, row.updated_at);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(name);
        throw error;
      }
      return toEvent(row);
    },

    update(functionName: string, id: string, change: { name?: string; payload?: string }, now = new Date()): TestEvent {
      const row = mustGet(functionName, id);
      const next: Row = {
        ...row,
        name: change.name ?? row.name,
        payload: change.payload ?? row.payload,
        updated_at: now.toISOString(),
      };
      try {
        db.prepare("UPDATE test_events SET name = ?, payload = ?, updated_at = ? WHERE id = ?").run(
          next.name,
          next.payload,
          next.updated_at,
          id,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(next.name);
        throw error;
      }
      return toEvent(next);
    },

    /** A copy named "<name>-copy", "<name>-copy2", … (the first free one, within the name limit). */
    duplicate(functionName: string, id: string, maxNameLength: number, now = new Date()): TestEvent {
      const row = mustGet(functionName, id);
      const taken = new Set(this.list(functionName).map((e) => e.name));
      for (let i = 1; i < 1000; i++) {
        const suffix = i === 1 ? "-copy" : `-copy${i}`;
        const name = row.name.slice(0, maxNameLength - suffix.length) + suffix;
        if (!taken.has(name)) return this.create(functionName, name, row.payload, now);
      }
      throw conflict(`${row.name}-copy`);
    },

    delete(functionName: string, id: string): void {
      const result = db
        .prepare("DELETE FROM test_events WHERE scope = ? AND function_name = ? AND id = ?")
        .run(scope, functionName, id);
      if (result.changes === 0)
        throw new TestEventError("ResourceNotFoundException", "This test event no longer exists.");
    },
  };
}
