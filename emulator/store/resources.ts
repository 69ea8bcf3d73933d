/**
 * Keyed JSON documents for the control-plane families. One table, many kinds; each kind's module owns
 * the shape of its documents. Writes are synchronous SQLite statements, so callers wrap multi-step
 * changes in `transaction()` and a request is answered only after it commits.
 */
import type { Db } from "./db";

export interface Page<T> {
  items: T[];
  nextMarker?: string;
}

export interface ListOptions {
  parent?: string;
  /** Only keys starting with this prefix. */
  prefix?: string;
  marker?: string;
  limit?: number;
  /** `seq` (insertion order, the default) or `key`. */
  order?: "seq" | "key";
}

interface Row {
  key: string;
  parent: string | null;
  seq: number;
  doc: string;
}

function encodeMarker(value: string | number): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeMarker(marker: string): string | number | undefined {
  try {
    const v = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as unknown;
    return typeof v === "string" || typeof v === "number" ? v : undefined;
  } catch {
    return undefined;
  }
}

export class InvalidMarkerError extends Error {}

const SHARED_CACHE_LIMIT = 10_000;

export class ResourceStore {
  private readonly stmts;
  /** Parsed documents for getShared(), per kind then key (null = known absent). */
  private readonly shared = new Map<string, Map<string, unknown>>();

  constructor(private readonly db: Db) {
    this.stmts = {
      get: db.prepare<[string, string], Row>("SELECT key, parent, seq, doc FROM resources WHERE kind = ? AND key = ?"),
      insert: db.prepare(
        "INSERT INTO resources (kind, key, parent, seq, doc, created_at, updated_at) VALUES (@kind, @key, @parent, (SELECT COALESCE(MAX(seq), 0) + 1 FROM resources), @doc, @now, @now)",
      ),
      update: db.prepare(
        "UPDATE resources SET doc = @doc, parent = @parent, updated_at = @now WHERE kind = @kind AND key = @key",
      ),
      delete: db.prepare("DELETE FROM resources WHERE kind = ? AND key = ?"),
      deleteByParent: db.prepare("DELETE FROM resources WHERE parent = ?"),
      deleteByParentKind: db.prepare("DELETE FROM resources WHERE parent = ? AND kind = ?"),
      count: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM resources WHERE kind = ?"),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get<T>(kind: string, key: string): T | undefined {
    const row = this.stmts.get.get(kind, key);
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  /**
   * Like get(), from a cache of parsed documents, for documents read on every invocation (reserved
   * concurrency, aliases). The document is shared between callers and must not be modified. Every write
   * through this store drops cached entries; reads inside a transaction bypass the cache, so a
   * rolled-back write can never be cached.
   */
  getShared<T>(kind: string, key: string): Readonly<T> | undefined {
    if (this.db.inTransaction) return this.get<T>(kind, key);
    let docs = this.shared.get(kind);
    if (docs?.has(key)) return (docs.get(key) ?? undefined) as Readonly<T> | undefined;
    const doc = this.get<T>(kind, key);
    if (!docs) {
      docs = new Map();
      this.shared.set(kind, docs);
    }
    // Bounded: lookups of many keys that do not exist must not grow it without end.
    if (docs.size >= SHARED_CACHE_LIMIT) docs.clear();
    docs.set(key, doc ?? null);
    return doc;
  }

  /** Inserts a new document; returns false (and writes nothing) when the key exists. */
  insert<T>(kind: string, key: string, doc: T, parent?: string): boolean {
    if (this.stmts.get.get(kind, key)) return false;
    this.shared.get(kind)?.delete(key);
    this.stmts.insert.run({
      kind,
      key,
      parent: parent ?? null,
      doc: JSON.stringify(doc),
      now: new Date().toISOString(),
    });
    return true;
  }

  /** Inserts or replaces; a replaced document keeps its place in insertion order. */
  put<T>(kind: string, key: string, doc: T, parent?: string): void {
    this.shared.get(kind)?.delete(key);
    const now = new Date().toISOString();
    const params = { kind, key, parent: parent ?? null, doc: JSON.stringify(doc), now };
    if (this.stmts.get.get(kind, key)) this.stmts.update.run(params);
    else this.stmts.insert.run(params);
  }

  delete(kind: string, key: string): boolean {
    this.shared.get(kind)?.delete(key);
    return this.stmts.delete.run(kind, key).changes > 0;
  }

  /** Deletes every document hanging off a parent (e.g. all of a function's aliases, URLs, policies). */
  deleteByParent(parent: string, kind?: string): number {
    // Which keys hang off the parent is in the table, not the cache: drop what may be affected.
    if (kind) this.shared.delete(kind);
    else this.shared.clear();
    return (kind ? this.stmts.deleteByParentKind.run(parent, kind) : this.stmts.deleteByParent.run(parent)).changes;
  }

  count(kind: string): number {
    return this.stmts.count.get(kind)?.n ?? 0;
  }

  /** All documents of a kind (optionally of one parent), in order, without paging. */
  all<T>(kind: string, options: Omit<ListOptions, "marker" | "limit"> = {}): T[] {
    return this.list<T>(kind, { ...options, limit: Number.MAX_SAFE_INTEGER }).items;
  }

  /**
   * Every document of a kind (optionally under a key prefix) with its key and insertion order, for
   * modules that filter on document fields and then page themselves (api/paging.ts).
   */
  entries<T>(kind: string, options: { prefix?: string } = {}): { key: string; seq: number; doc: T }[] {
    const rows = this.db
      .prepare(
        `SELECT key, parent, seq, doc FROM resources WHERE kind = @kind${options.prefix !== undefined ? " AND substr(key, 1, length(@prefix)) = @prefix" : ""} ORDER BY seq`,
      )
      .all({ kind, ...(options.prefix !== undefined ? { prefix: options.prefix } : {}) }) as Row[];
    return rows.map((r) => ({ key: r.key, seq: r.seq, doc: JSON.parse(r.doc) as T }));
  }

  /**
   * One page. Markers name the last item returned, so paging stays stable while items are inserted or
   * deleted between calls. Throws InvalidMarkerError for a marker this store did not issue.
   */
  list<T>(kind: string, options: ListOptions = {}): Page<T> {
    const order = options.order ?? "seq";
    const where = ["kind = @kind"];
    const params: Record<string, unknown> = { kind };
    if (options.parent !== undefined) {
      where.push("parent = @parent");
      params.parent = options.parent;
    }
    if (options.prefix !== undefined) {
      where.push("substr(key, 1, length(@prefix)) = @prefix");
      params.prefix = options.prefix;
    }
    if (options.marker) {
      const after = decodeMarker(options.marker);
      if (after === undefined || (order === "seq") !== (typeof after === "number")) throw new InvalidMarkerError();
      where.push(order === "seq" ? "seq > @after" : "key > @after");
      params.after = after;
    }
    const limit = Math.max(1, Math.min(options.limit ?? 50, Number.MAX_SAFE_INTEGER));
    params.limit = limit === Number.MAX_SAFE_INTEGER ? -1 : limit + 1;
    const rows = this.db
      .prepare(
        `SELECT key, parent, seq, doc FROM resources WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT @limit`,
      )
      .all(params) as Row[];
    const hasMore = params.limit !== -1 && rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return {
      items: page.map((r) => JSON.parse(r.doc) as T),
      ...(hasMore && last ? { nextMarker: encodeMarker(order === "seq" ? last.seq : last.key) } : {}),
    };
  }
}
