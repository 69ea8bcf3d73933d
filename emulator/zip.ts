/**
 * Zip helpers on fflate. fflate does not surface Unix permissions, so we read them from the central
 * directory ourselves: a `bootstrap` for provided runtimes must stay executable, as Lambda keeps it.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Unix mode bits when the archive recorded them (zips made on Unix do). */
  mode?: number;
}

export class InvalidZipError extends Error {}

/** The entries declare more unzipped bytes than the caller allows; nothing was inflated. */
export class ZipTooLargeError extends Error {
  constructor(readonly declaredBytes: number) {
    super(`the entries declare ${declaredBytes} unzipped bytes`);
  }
}

/** Unix modes by path, from the central directory (entries made on a Unix host only). */
function unixModes(zip: Uint8Array): Map<string, number> {
  const modes = new Map<string, number>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory record: signature 0x06054b50, searched backwards past a possible comment.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return modes;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= zip.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    if (madeBy === 3 && external >>> 16 !== 0) modes.set(name, (external >>> 16) & 0o7777);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return modes;
}

/**
 * Unzips into entries (directories omitted); throws InvalidZipError for anything that is not a zip, and
 * ZipTooLargeError when the entries declare more than `maxUnzippedBytes` in all.
 */
export function readZip(zip: Uint8Array, options: { maxUnzippedBytes?: number } = {}): ZipEntry[] {
  const max = options.maxUnzippedBytes ?? Number.POSITIVE_INFINITY;
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    // Each entry's declared size counts before the entry is inflated, so no more than the limit is ever
    // inflated: a few hundred KB of zip can inflate to gigabytes, and checking the total afterwards
    // would take the emulator down first. fflate inflates an entry into a buffer of its declared size,
    // so the declaration also bounds what a lying entry can produce.
    files = unzipSync(zip, {
      filter: (file) => {
        declared += file.originalSize;
        if (declared > max) throw new ZipTooLargeError(declared);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ZipTooLargeError) throw e;
    throw new InvalidZipError(e instanceof Error ? e.message : String(e));
  }
  const modes = unixModes(zip);
  const entries: ZipEntry[] = [];
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith("/")) continue;
    const mode = modes.get(path);
    entries.push(mode === undefined ? { path, data } : { path, data, mode });
  }
  return entries;
}

/** Builds a zip from a path → content map; `bootstrap` files and `.sh` get 0755 so they stay runnable. */
export function writeZip(
  files: Record<string, string | Uint8Array | { data: string | Uint8Array; mode: number }>,
): Uint8Array {
  const input: Zippable = {};
  const encoder = new TextEncoder();
  for (const [path, value] of Object.entries(files)) {
    const raw = typeof value === "object" && !(value instanceof Uint8Array) ? value : { data: value, mode: undefined };
    const data = typeof raw.data === "string" ? encoder.encode(raw.data) : raw.data;
    const mode = raw.mode ?? (/(^|\/)bootstrap$|\.sh$/.test(path) ? 0o755 : 0o644);
    // os 3 = Unix; attrs carries the mode in the high 16 bits, as Info-ZIP writes it.
    input[path] = [data, { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0, mtime: new Date("2020-01-01T00:00:00Z") }];
  }
  return zipSync(input, { level: 6 });
}
