import type { Migration } from "./index";

/**
 * The asynchronous invocation queue (Invoke with InvocationType Event, InvokeAsync, and deliveries to
 * Lambda destinations). An event is acknowledged only after its row commits, and stays until it ended
 * (succeeded, retries exhausted, too old, or could not run at all), so pending and in-flight events
 * survive a restart. `attempts` counts runs that ended; throttles are retried without counting.
 * `last_*` keep the latest run's answer for the destination record of an event that later expires.
 *
 * Invocation records of asynchronous invocations get `async_detail` (JSON: attempts, throttles, state,
 * condition, destination deliveries), see emulator/async/record-detail.ts.
 */
export const m0004AsyncQueue: Migration = {
  id: "0004-async-queue",
  up(db) {
    db.exec(`
      CREATE TABLE async_events (
        request_id           TEXT PRIMARY KEY,
        function_name        TEXT NOT NULL,
        qualifier            TEXT,
        invoked_arn          TEXT NOT NULL,
        payload              BLOB NOT NULL,
        trace_id             TEXT,
        tenant_id            TEXT,
        origin               TEXT,
        enqueued_at          INTEGER NOT NULL,
        next_attempt_at      INTEGER NOT NULL,
        attempts             INTEGER NOT NULL DEFAULT 0,
        throttles            INTEGER NOT NULL DEFAULT 0,
        last_version         TEXT,
        last_function_error  TEXT,
        last_response        BLOB
      );
      CREATE INDEX async_events_due ON async_events(next_attempt_at);
      CREATE INDEX async_events_function ON async_events(function_name, enqueued_at);
      ALTER TABLE invocations ADD COLUMN async_detail TEXT;
    `);
  },
};
