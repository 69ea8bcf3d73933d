import type { Migration } from "./index";

/**
 * Durable executions (emulator/durable/). One row per execution, holding its lifecycle and what the
 * orchestrator needs after a restart: the current checkpoint token and in-flight invocation (a run cut
 * short is re-invoked), whether an invocation is wanted and when the next one may start (retry backoff).
 * Operations keep their start order (`seq`), the API's Operation as JSON (`doc`, timestamps in epoch ms),
 * whether they changed since the last answer to the function (`dirty`), their next timer (`due_at`: a
 * wait's end, a retry, a callback's timeout or heartbeat) and the callback id that routes callback calls.
 * History events are numbered per execution (EventId 1..n). Checkpoint answers are kept by ClientToken for
 * replays of the same request. Deleting an execution deletes all of it.
 */
export const m0005Durable: Migration = {
  id: "0005-durable",
  up(db) {
    db.exec(`
      CREATE TABLE durable_executions (
        arn                    TEXT PRIMARY KEY,
        function_name          TEXT NOT NULL,
        version                TEXT NOT NULL,
        name                   TEXT NOT NULL,
        execution_id           TEXT NOT NULL,
        status                 TEXT NOT NULL,
        input_payload          TEXT NOT NULL,
        result                 TEXT,
        error                  TEXT,
        invocation_type        TEXT NOT NULL,
        invoked_arn            TEXT NOT NULL,
        trace_id               TEXT,
        tenant_id              TEXT,
        started_at             INTEGER NOT NULL,
        ended_at               INTEGER,
        timeout_at             INTEGER NOT NULL,
        execution_timeout      INTEGER NOT NULL,
        retention_days         INTEGER NOT NULL,
        parent_arn             TEXT,
        parent_op              TEXT,
        token                  TEXT,
        first_token            TEXT,
        invocation_id          TEXT,
        invocation_started_at  INTEGER,
        failed_invocations     INTEGER NOT NULL DEFAULT 0,
        run_requested          INTEGER NOT NULL DEFAULT 0,
        retry_at               INTEGER,
        next_seq               INTEGER NOT NULL DEFAULT 0,
        next_event_id          INTEGER NOT NULL DEFAULT 1,
        UNIQUE (function_name, name)
      );
      CREATE INDEX durable_executions_function ON durable_executions(function_name, started_at);
      CREATE INDEX durable_executions_status ON durable_executions(status, timeout_at);
      CREATE INDEX durable_executions_ended ON durable_executions(ended_at) WHERE ended_at IS NOT NULL;
      CREATE INDEX durable_executions_parent ON durable_executions(parent_arn) WHERE parent_arn IS NOT NULL;

      CREATE TABLE durable_operations (
        execution_arn  TEXT NOT NULL REFERENCES durable_executions(arn) ON DELETE CASCADE,
        id             TEXT NOT NULL,
        seq            INTEGER NOT NULL,
        doc            TEXT NOT NULL,
        meta           TEXT NOT NULL DEFAULT '{}',
        dirty          INTEGER NOT NULL DEFAULT 0,
        due_at         INTEGER,
        callback_id    TEXT UNIQUE,
        PRIMARY KEY (execution_arn, id)
      );
      CREATE INDEX durable_operations_seq ON durable_operations(execution_arn, seq);
      CREATE INDEX durable_operations_due ON durable_operations(due_at) WHERE due_at IS NOT NULL;

      CREATE TABLE durable_events (
        execution_arn  TEXT NOT NULL REFERENCES durable_executions(arn) ON DELETE CASCADE,
        event_id       INTEGER NOT NULL,
        doc            TEXT NOT NULL,
        PRIMARY KEY (execution_arn, event_id)
      );

      CREATE TABLE durable_checkpoints (
        execution_arn  TEXT NOT NULL REFERENCES durable_executions(arn) ON DELETE CASCADE,
        client_token   TEXT NOT NULL,
        request_token  TEXT NOT NULL,
        response       TEXT NOT NULL,
        created_at     INTEGER NOT NULL,
        PRIMARY KEY (execution_arn, client_token)
      );
    `);
  },
};
