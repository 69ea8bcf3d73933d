import type { Migration } from "./index";

/** Functions and their versions ($LATEST is a version row too); configuration kept as the API's JSON. */
export const m0001Functions: Migration = {
  id: "0001-functions",
  up(db) {
    db.exec(`
      CREATE TABLE functions (
        name          TEXT PRIMARY KEY,
        created_at    TEXT NOT NULL,
        next_version  INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE function_versions (
        name          TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
        version       TEXT NOT NULL,
        seq           INTEGER NOT NULL,
        config        TEXT NOT NULL,
        code_hash     TEXT,
        created_at    TEXT NOT NULL,
        PRIMARY KEY (name, version)
      );
      CREATE INDEX function_versions_code ON function_versions(code_hash);
    `);
  },
};
