import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../store/db";
import { InvocationLog, MAX_STORED_PAYLOAD, type InvocationRecord } from "./invocation-log";

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "invocation-log-"));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = (n: number, extra: Partial<InvocationRecord> = {}): InvocationRecord => ({
  requestId: `req-${n}`,
  functionName: "fn",
  version: "$LATEST",
  invocationType: "RequestResponse",
  startTime: 1_700_000_000_000 + n,
  endTime: 1_700_000_000_010 + n,
  durationMs: 1.5,
  billedDurationMs: 2,
  memorySizeMB: 128,
  maxMemoryUsedMB: 40,
  status: "success",
  requestPayload: Buffer.from(`{"n":${n}}`),
  responsePayload: Buffer.from(String(n)),
  responseBytes: String(n).length,
  log: `START RequestId: req-${n}\n`,
  ...extra,
});

describe("InvocationLog", () => {
  it("batches writes and makes them visible to readers at once", () => {
    const log = new InvocationLog(db);
    log.add(record(1));
    log.add(record(2));
    const count = () => (db.prepare("SELECT COUNT(*) AS n FROM invocations").get() as { n: number }).n;
    // Not written yet: the batch closes later…
    expect(count()).toBe(0);
    // …but a read flushes first.
    expect(log.get("req-2")?.request_payload?.toString()).toBe('{"n":2}');
    expect(count()).toBe(2);
  });

  it("keeps only the newest records per function", () => {
    const log = new InvocationLog(db, { perFunction: 5, pruneEvery: 1 });
    for (let n = 1; n <= 12; n++) log.add(record(n));
    log.add(record(100, { functionName: "other", requestId: "other-1" }));
    log.flush();
    const ids = log.list("fn", { limit: 100 }).map((r) => r.request_id);
    expect(ids).toEqual(["req-12", "req-11", "req-10", "req-9", "req-8"]);
    expect(log.list("other", { limit: 10 })).toHaveLength(1);
  });

  it("stores large payloads cut, with their real sizes, and filters by status", () => {
    const log = new InvocationLog(db);
    const big = Buffer.alloc(MAX_STORED_PAYLOAD + 10, 0x61);
    log.add(record(1, { requestPayload: big, status: "error", errorType: "Error", errorMessage: "x" }));
    log.add(record(2));
    const row = log.get("req-1");
    expect(row?.request_bytes).toBe(MAX_STORED_PAYLOAD + 10);
    expect(row?.request_payload?.length).toBe(MAX_STORED_PAYLOAD);
    expect(log.list("fn", { limit: 10, status: "error" }).map((r) => r.request_id)).toEqual(["req-1"]);
    log.deleteFunction("fn");
    expect(log.list("fn", { limit: 10 })).toEqual([]);
  });
});
