import type { Migration } from "./index";

/**
 * One row per invocation (what CloudWatch Logs and metrics would tell on AWS): timing, memory, outcome,
 * payloads (capped; the byte counts say how much there was) and the log text. `seq` orders them and is
 * the paging marker; rows are pruned to a bounded number per function.
 */
export const m0003Invocations: Migration = {
  id: "0003-invocations",
  up(db) {
    db.exec(`
      CREATE TABLE invocations (
        seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id          TEXT NOT NULL UNIQUE,
        function_name       TEXT NOT NULL,
        version             TEXT NOT NULL,
        invocation_type     TEXT NOT NULL,
        start_time          INTEGER NOT NULL,
        end_time            INTEGER NOT NULL,
        duration_ms         REAL NOT NULL,
        billed_duration_ms  INTEGER NOT NULL,
        memory_size_mb      INTEGER NOT NULL,
        max_memory_used_mb  INTEGER NOT NULL,
        init_duration_ms    REAL,
        status              TEXT NOT NULL,
        error_type          TEXT,
        error_message       TEXT,
        request_payload     BLOB,
        request_bytes       INTEGER NOT NULL,
        response_payload    BLOB,
        response_bytes      INTEGER NOT NULL,
        response_streamed   INTEGER NOT NULL DEFAULT 0,
        log                 TEXT NOT NULL,
        log_bytes           INTEGER NOT NULL
      );
      CREATE INDEX invocations_function ON invocations(function_name, seq);
      CREATE INDEX invocations_function_status ON invocations(function_name, status, seq);
    `);
  },
};
