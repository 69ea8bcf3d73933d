import type { Migration } from "./index";

/**
 * A keyed JSON document table for the control-plane families (aliases, policies, tags, URLs, layers,
 * mappings, …). `parent` ties a document to a function so deleting the function deletes it too;
 * `seq` gives a stable insertion order for paging.
 */
export const m0002Resources: Migration = {
  id: "0002-resources",
  up(db) {
    db.exec(`
      CREATE TABLE resources (
        kind        TEXT NOT NULL,
        key         TEXT NOT NULL,
        parent      TEXT,
        seq         INTEGER NOT NULL,
        doc         TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX resources_parent ON resources(parent, kind);
    `);
  },
};
