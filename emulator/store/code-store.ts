/**
 * Content-addressed storage for code and layer zips: `<dataDir>/code/<sha256 hex>.zip`, extracted once
 * per hash into `<dataDir>/code-extracted/<hex>/`. Identical uploads share one file.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { readZip } from "../zip";

export interface StoredCode {
  /** sha256 as hex: the file name. */
  hash: string;
  /** sha256 as base64: what the API calls CodeSha256. */
  sha256: string;
  size: number;
  unzippedSize: number;
}

export class CodeStore {
  private readonly zipDir: string;
  private readonly extractDir: string;

  constructor(dataDir: string) {
    this.zipDir = join(dataDir, "code");
    this.extractDir = join(dataDir, "code-extracted");
    mkdirSync(this.zipDir, { recursive: true });
    mkdirSync(this.extractDir, { recursive: true });
  }

  /**
   * Validates the zip (throws InvalidZipError, or ZipTooLargeError past `maxUnzippedBytes`) and stores
   * it; returns its hashes and sizes.
   */
  put(zip: Uint8Array, maxUnzippedBytes?: number): StoredCode {
    const entries = readZip(zip, { maxUnzippedBytes });
    const unzippedSize = entries.reduce((n, e) => n + e.data.length, 0);
    const digest = createHash("sha256").update(zip).digest();
    const hash = digest.toString("hex");
    const file = this.zipPath(hash);
    if (!existsSync(file)) {
      const tmp = `${file}.${randomUUID()}.tmp`;
      writeFileSync(tmp, zip);
      renameSync(tmp, file);
    }
    return { hash, sha256: digest.toString("base64"), size: zip.length, unzippedSize };
  }

  has(hash: string): boolean {
    return existsSync(this.zipPath(hash));
  }

  zipPath(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a code hash: ${hash}`);
    return join(this.zipDir, `${hash}.zip`);
  }

  read(hash: string): Buffer {
    return readFileSync(this.zipPath(hash));
  }

  /** The extracted tree of a stored zip, extracted on first use (atomically, via a temp dir + rename). */
  extracted(hash: string): string {
    const dir = join(this.extractDir, hash);
    if (existsSync(dir)) return dir;
    const tmp = join(this.extractDir, `.${hash}.${randomUUID()}`);
    const root = resolve(tmp);
    for (const entry of readZip(this.read(hash))) {
      const target = resolve(root, entry.path);
      // A zip may not write outside its own tree ("zip slip").
      if (!target.startsWith(root + sep)) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.data);
      if (entry.mode !== undefined) chmodSync(target, entry.mode);
      else if (/(^|\/)bootstrap$/.test(entry.path)) chmodSync(target, 0o755);
    }
    mkdirSync(root, { recursive: true });
    try {
      renameSync(root, dir);
    } catch {
      // Another extraction of the same hash won the race; its tree is identical.
      rmSync(root, { recursive: true, force: true });
    }
    return dir;
  }
}
