/**
 * The CloudWatch Logs view of the invocation records (runtime/invocation-log.ts): log groups (table
 * `log_groups`, migration 0006), their streams (an execution environment each) and the records in a
 * stream, read without their log text until an event is needed. Reads flush the records' write queue
 * first, so they see every finished invocation.
 */
import type { Db } from "../store/db";
import type { InvocationLog } from "../runtime/invocation-log";

export interface GroupRow {
  name: string;
  created_at: number;
  stored_bytes: number;
}

export interface StreamRow {
  log_stream: string;
  first_time: number;
  last_time: number;
}

/** A record's place in a stream; its log is read with `log(seq)`. */
export interface RecordMeta {
  seq: number;
  request_id: string;
  log_stream: string;
  start_time: number;
  end_time: number;
  init_duration_ms: number | null;
  first_time: number;
}

export interface RecordQuery {
  streams?: string[];
  prefix?: string;
  /** Records that may hold events at or after this time… */
  from?: number;
  /** …and at or before this one. */
  to?: number;
}

const FIRST_TIME = "CAST(start_time - COALESCE(init_duration_ms, 0) AS INTEGER)";

export class LogStore {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly records: InvocationLog,
  ) {
    this.s = {
      group: db.prepare<[string], { name: string; created_at: number }>(
        "SELECT name, created_at FROM log_groups WHERE name = ?",
      ),
      log: db.prepare<[number], { log: string }>("SELECT log FROM invocations WHERE seq = ?"),
    };
  }

  /** Every group, by name, with the bytes of the logs it holds. */
  groups(): GroupRow[] {
    this.records.flush();
    return this.db
      .prepare<[], GroupRow>(
        `SELECT g.name, g.created_at, COALESCE(SUM(i.log_bytes), 0) AS stored_bytes
           FROM log_groups g LEFT JOIN invocations i ON i.log_group = g.name AND i.log_stream IS NOT NULL
          GROUP BY g.name ORDER BY g.name`,
      )
      .all();
  }

  group(name: string): { name: string; created_at: number } | undefined {
    this.records.flush();
    return this.s.group.get(name);
  }

  streams(group: string): StreamRow[] {
    this.records.flush();
    return this.db
      .prepare<[string], StreamRow>(
        `SELECT log_stream, MIN(${FIRST_TIME}) AS first_time, MAX(end_time) AS last_time
           FROM invocations WHERE log_group = ? AND log_stream IS NOT NULL
          GROUP BY log_stream ORDER BY log_stream`,
      )
      .all(group);
  }

  /** The group's records that may hold events in the query's range, in the order their events begin. */
  inRange(group: string, q: RecordQuery): RecordMeta[] {
    this.records.flush();
    const where = ["log_group = @group", "log_stream IS NOT NULL"];
    const params: Record<string, string | number> = { group };
    if (q.streams) {
      q.streams.forEach((s, i) => (params[`s${i}`] = s));
      where.push(`log_stream IN (${q.streams.map((_, i) => `@s${i}`).join(", ")})`);
    }
    if (q.prefix) {
      where.push("substr(log_stream, 1, length(@prefix)) = @prefix");
      params.prefix = q.prefix;
    }
    if (q.from !== undefined) {
      where.push("end_time >= @from");
      params.from = q.from;
    }
    if (q.to !== undefined) {
      where.push(`${FIRST_TIME} <= @to`);
      params.to = q.to;
    }
    return this.db
      .prepare<Record<string, string | number>, RecordMeta>(
        `SELECT seq, request_id, log_stream, start_time, end_time, init_duration_ms, ${FIRST_TIME} AS first_time
           FROM invocations WHERE ${where.join(" AND ")} ORDER BY first_time, seq`,
      )
      .all(params);
  }

  log(seq: number): string {
    return this.s.log.get(seq)?.log ?? "";
  }
}
