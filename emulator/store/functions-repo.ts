/**
 * Functions and their versions. `$LATEST` and each published version are rows of function_versions
 * holding the FunctionConfiguration exactly as the API returns it, plus the code hash it runs.
 */
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import type { Db } from "./db";

/** FunctionConfiguration as it travels on the wire (LastModified is already a string there). */
export type FunctionConfig = FunctionConfiguration & { FunctionName: string; Version: string; RevisionId: string };

export interface VersionRecord {
  name: string;
  version: string;
  seq: number;
  config: FunctionConfig;
  codeHash: string | null;
}

interface VersionRow {
  name: string;
  version: string;
  seq: number;
  config: string;
  code_hash: string | null;
}

const toRecord = (r: VersionRow): VersionRecord => ({
  name: r.name,
  version: r.version,
  seq: r.seq,
  config: JSON.parse(r.config) as FunctionConfig,
  codeHash: r.code_hash,
});

const SHARED_CACHE_LIMIT = 10_000;

/** Parsed version rows kept for the invoke path, per function then version. */
type SharedCache = Map<string, Map<string, VersionRecord | null>>;

export class FunctionsRepo {
  private readonly s;
  private readonly shared: SharedCache = new Map();

  constructor(private readonly db: Db) {
    this.s = {
      getFn: db.prepare<[string], { name: string; next_version: number }>(
        "SELECT name, next_version FROM functions WHERE name = ?",
      ),
      insertFn: db.prepare("INSERT INTO functions (name, created_at) VALUES (?, ?)"),
      bumpVersion: db.prepare("UPDATE functions SET next_version = next_version + 1 WHERE name = ?"),
      deleteFn: db.prepare("DELETE FROM functions WHERE name = ?"),
      getVersion: db.prepare<[string, string], VersionRow>(
        "SELECT name, version, seq, config, code_hash FROM function_versions WHERE name = ? AND version = ?",
      ),
      insertVersion: db.prepare(
        "INSERT INTO function_versions (name, version, seq, config, code_hash, created_at) VALUES (@name, @version, @seq, @config, @codeHash, @now)",
      ),
      updateVersion: db.prepare(
        "UPDATE function_versions SET config = @config, code_hash = @codeHash WHERE name = @name AND version = @version",
      ),
      deleteVersion: db.prepare("DELETE FROM function_versions WHERE name = ? AND version = ?"),
      versionsOf: db.prepare<[string], VersionRow>(
        "SELECT name, version, seq, config, code_hash FROM function_versions WHERE name = ? ORDER BY seq",
      ),
      latestVersion: db.prepare<[string], VersionRow>(
        "SELECT name, version, seq, config, code_hash FROM function_versions WHERE name = ? AND version <> '$LATEST' ORDER BY seq DESC LIMIT 1",
      ),
      countFns: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM functions"),
      codeSize: db.prepare<[], { total: number | null }>(
        "SELECT SUM(json_extract(config, '$.CodeSize')) AS total FROM function_versions",
      ),
      names: db.prepare<[string, number], { name: string }>(
        "SELECT name FROM functions WHERE name > ? ORDER BY name LIMIT ?",
      ),
      allVersions: db.prepare<[string, string, number, number], VersionRow>(
        "SELECT name, version, seq, config, code_hash FROM function_versions WHERE name > ? OR (name = ? AND seq > ?) ORDER BY name, seq LIMIT ?",
      ),
      codeInUse: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM function_versions WHERE code_hash = ?"),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  exists(name: string): boolean {
    return this.s.getFn.get(name) !== undefined;
  }

  get(name: string, version = "$LATEST"): VersionRecord | undefined {
    const row = this.s.getVersion.get(name, version);
    return row ? toRecord(row) : undefined;
  }

  /**
   * Like get(), from a cache of parsed rows: the invoke path reads a version per request, and parsing its
   * configuration JSON each time costs more than the rest of the lookup. The record is shared between
   * callers, so it must not be modified. Every write through this repo drops the function's entries; reads
   * inside a transaction bypass the cache, so a rolled-back write can never be cached.
   */
  getShared(name: string, version = "$LATEST"): Readonly<VersionRecord> | undefined {
    if (this.db.inTransaction) return this.get(name, version);
    let versions = this.shared.get(name);
    const hit = versions?.get(version);
    if (hit !== undefined) return hit ?? undefined;
    const record = this.get(name, version);
    if (!versions) {
      // Bounded: lookups of many names that do not exist must not grow it without end.
      if (this.shared.size >= SHARED_CACHE_LIMIT) this.shared.clear();
      versions = new Map();
      this.shared.set(name, versions);
    }
    // Misses are remembered too (null) — cheap, and dropped with everything else on the next write.
    versions.set(version, record ?? null);
    return record;
  }

  private changed(name: string): void {
    this.shared.delete(name);
  }

  /** Creates the function with its $LATEST row; false when the name is taken. */
  create(config: FunctionConfig, codeHash: string | null): boolean {
    if (this.exists(config.FunctionName)) return false;
    this.changed(config.FunctionName);
    const now = new Date().toISOString();
    this.s.insertFn.run(config.FunctionName, now);
    this.s.insertVersion.run({
      name: config.FunctionName,
      version: "$LATEST",
      seq: 0,
      config: JSON.stringify(config),
      codeHash,
      now,
    });
    return true;
  }

  /** Replaces a version row's configuration (and code, for $LATEST). */
  save(config: FunctionConfig, codeHash: string | null): void {
    this.changed(config.FunctionName);
    this.s.updateVersion.run({
      name: config.FunctionName,
      version: config.Version,
      config: JSON.stringify(config),
      codeHash,
    });
  }

  /** Reserves the next version number of a function (numbers are never reused, even after deletion). */
  nextVersionNumber(name: string): number {
    const row = this.s.getFn.get(name);
    if (!row) throw new Error(`no function ${name}`);
    this.s.bumpVersion.run(name);
    return row.next_version;
  }

  insertVersion(config: FunctionConfig, codeHash: string | null): void {
    this.changed(config.FunctionName);
    this.s.insertVersion.run({
      name: config.FunctionName,
      version: config.Version,
      seq: Number(config.Version),
      config: JSON.stringify(config),
      codeHash,
      now: new Date().toISOString(),
    });
  }

  /** The most recently published version, if any. */
  latestPublished(name: string): VersionRecord | undefined {
    const row = this.s.latestVersion.get(name);
    return row ? toRecord(row) : undefined;
  }

  /** $LATEST first, then published versions in order. */
  versions(name: string): VersionRecord[] {
    return this.s.versionsOf.all(name).map(toRecord);
  }

  deleteVersion(name: string, version: string): boolean {
    this.changed(name);
    return this.s.deleteVersion.run(name, version).changes > 0;
  }

  delete(name: string): boolean {
    this.changed(name);
    return this.s.deleteFn.run(name).changes > 0;
  }

  /**
   * One page of function names after `after`, in name order (stable while functions are created or
   * deleted between pages, because the marker is the last name returned).
   */
  names(after: string | undefined, limit: number): string[] {
    return this.s.names.all(after ?? "", limit).map((r) => r.name);
  }

  /** Pages over every version row (for FunctionVersion=ALL), ordered by name then version sequence. */
  allVersions(after: { name: string; seq: number } | undefined, limit: number): VersionRecord[] {
    return this.s.allVersions.all(after?.name ?? "", after?.name ?? "", after?.seq ?? -1, limit).map(toRecord);
  }

  count(): number {
    return this.s.countFns.get()?.n ?? 0;
  }

  totalCodeSize(): number {
    return this.s.codeSize.get()?.total ?? 0;
  }

  isCodeInUse(hash: string): boolean {
    return (this.s.codeInUse.get(hash)?.n ?? 0) > 0;
  }
}
