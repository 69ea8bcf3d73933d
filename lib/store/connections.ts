/**
 * Connections the user added (a Lambda endpoint with its keys) and the console-wide choice of which
 * connection is active. Keys stay in this file on the server; nothing here is ever sent to the browser
 * except through `SavedConnectionSummary`, which has no secret.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { ConsoleDb } from "./console-db";

export interface SavedConnection {
  id: string;
  label: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Set when the user said what the endpoint is; otherwise its address decides (loopback: emulator). */
  kind?: "emulator" | "endpoint";
  createdAt: string;
}

interface Row {
  id: string;
  label: string;
  endpoint: string;
  region: string;
  access_key_id: string;
  secret_access_key: string;
  kind: string | null;
  created_at: string;
}

/** A write the store refused for a reason the user can fix. */
export class ConnectionStoreError extends Error {
  constructor(
    readonly code: "ResourceConflictException" | "ResourceNotFoundException",
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

const toSaved = (row: Row): SavedConnection => ({
  id: row.id,
  label: row.label,
  endpoint: row.endpoint,
  region: row.region,
  accessKeyId: row.access_key_id,
  secretAccessKey: row.secret_access_key,
  ...(row.kind === "emulator" || row.kind === "endpoint" ? { kind: row.kind } : {}),
  createdAt: row.created_at,
});

/**
 * Statements prepared once per database: the active connection is read on every Lambda call, and
 * preparing costs more than the query.
 */
const statements = new WeakMap<ConsoleDb, ReturnType<typeof prepare>>();

function prepare(db: ConsoleDb) {
  return {
    getSetting: db.prepare<[string], { value: string }>("SELECT value FROM console_settings WHERE key = ?"),
    getSaved: db.prepare<[string], Row>("SELECT * FROM saved_connections WHERE id = ?"),
  };
}

export function connectionStore(db: ConsoleDb) {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepare(db);
    statements.set(db, prepared);
  }
  const sql = prepared;
  return {
    list(): SavedConnection[] {
      return db.prepare<[], Row>("SELECT * FROM saved_connections ORDER BY label COLLATE NOCASE").all().map(toSaved);
    },

    get(id: string): SavedConnection | undefined {
      const row = sql.getSaved.get(id);
      return row ? toSaved(row) : undefined;
    },

    create(input: Omit<SavedConnection, "id" | "createdAt">): SavedConnection {
      const saved: SavedConnection = { ...input, id: randomUUID(), createdAt: new Date().toISOString() };
      try {
        db.prepare(
          `INSERT INTO saved_connections (id, label, endpoint, region, access_key_id, secret_access_key, kind, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          saved.id,
          saved.label,
          saved.endpoint,
          saved.region,
          saved.accessKeyId,
          saved.secretAccessKey,
          saved.kind ?? null,
          saved.createdAt,
        );
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE") {
          throw new ConnectionStoreError("ResourceConflictException", `A connection named ${input.label} exists.`);
        }
        throw error;
      }
      return saved;
    },

    delete(id: string): void {
      const { changes } = db.prepare("DELETE FROM saved_connections WHERE id = ?").run(id);
      if (changes === 0) {
        throw new ConnectionStoreError("ResourceNotFoundException", "This connection no longer exists.");
      }
    },

    getSetting(key: string): string | undefined {
      return sql.getSetting.get(key)?.value;
    },

    setSetting(key: string, value: string | undefined): void {
      if (value === undefined) db.prepare("DELETE FROM console_settings WHERE key = ?").run(key);
      else
        db.prepare(
          "INSERT INTO console_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ).run(key, value);
    },
  };
}

export type ConnectionStore = ReturnType<typeof connectionStore>;
