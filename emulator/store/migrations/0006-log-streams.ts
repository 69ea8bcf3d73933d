import { randomBytes } from "node:crypto";
import type { Migration } from "./index";

/**
 * Where each invocation's log lives as CloudWatch Logs would have it (emulator/logs/): the function's log
 * group when it ran and its execution environment's log stream. `log_groups` remembers when a group was
 * first written (Lambda creates the group at the first invocation, and it outlives the function).
 * Records from before this migration get their function's group and one stream per version and day;
 * records that never ran in an environment (log_stream NULL) are not in any stream.
 */
export const m0006LogStreams: Migration = {
  id: "0006-log-streams",
  up(db) {
    db.exec(`
      ALTER TABLE invocations ADD COLUMN log_group TEXT;
      ALTER TABLE invocations ADD COLUMN log_stream TEXT;
      CREATE TABLE log_groups (
        name        TEXT PRIMARY KEY,
        created_at  INTEGER NOT NULL
      );
      UPDATE invocations SET log_group = COALESCE(
        (SELECT json_extract(v.config, '$.LoggingConfig.LogGroup') FROM function_versions v
          WHERE v.name = invocations.function_name AND v.version = invocations.version),
        '/aws/lambda/' || function_name);
    `);
    const rows = db
      .prepare<[], { seq: number; version: string; start_time: number }>(
        "SELECT seq, version, start_time FROM invocations WHERE log LIKE '%START RequestId: %'",
      )
      .all();
    const streams = new Map<string, string>();
    const setStream = db.prepare("UPDATE invocations SET log_stream = ? WHERE seq = ?");
    for (const row of rows) {
      const day = new Date(row.start_time).toISOString().slice(0, 10).replace(/-/g, "/");
      const key = `${day}/[${row.version}]`;
      let stream = streams.get(key);
      if (!stream) {
        stream = `${key}${randomBytes(16).toString("hex")}`;
        streams.set(key, stream);
      }
      setStream.run(stream, row.seq);
    }
    db.exec(`
      INSERT INTO log_groups (name, created_at)
        SELECT log_group, MIN(start_time) FROM invocations WHERE log_stream IS NOT NULL GROUP BY log_group;
      CREATE INDEX invocations_log_stream ON invocations(log_group, log_stream, start_time);
    `);
  },
};
