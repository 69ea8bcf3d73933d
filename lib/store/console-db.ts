/**
 * The console's own small database (saved test events, saved connections): `console.sqlite` in the console's data dir
 * (`LAMBDA_CONSOLE_DATA`, default `.data`). It belongs to the console, not to the Lambda endpoint, so it
 * works the same against the emulator and against AWS. Opened lazily, once per server process.
 */
import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

export type ConsoleDb = Database.Database;

/** Schema versions, applied in order; `user_version` records how far a file got. */
const MIGRATIONS: string[] = [
  `CREATE TABLE test_events (
     id TEXT PRIMARY KEY,
     scope TEXT NOT NULL,
     function_name TEXT NOT NULL,
     name TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (scope, function_name, name)
   );
   CREATE INDEX test_events_by_function ON test_events (scope, function_name, name);`,
  // Connections the user added from the Settings page, and small console-wide settings (which one is active).
  `CREATE TABLE saved_connections (
     id TEXT PRIMARY KEY,
     label TEXT NOT NULL UNIQUE,
     endpoint TEXT NOT NULL,
     region TEXT NOT NULL,
     access_key_id TEXT NOT NULL,
     secret_access_key TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE console_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // What a saved endpoint is (`emulator` | `endpoint`); NULL: guessed from its address.
  `ALTER TABLE saved_connections ADD COLUMN kind TEXT;`,
];

export function openConsoleDb(file: string): ConsoleDb {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 2000");
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

let db: ConsoleDb | undefined;

export function consoleDataDir(): string {
  return process.env.LAMBDA_CONSOLE_DATA?.trim() || ".data";
}

export function consoleDb(): ConsoleDb {
  if (db) return db;
  const dir = consoleDataDir();
  mkdirSync(dir, { recursive: true });
  db = openConsoleDb(join(dir, "console.sqlite"));
  return db;
}
