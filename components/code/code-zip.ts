/**
 * Zip ↔ CodeTree. fflate does the (de)compression; the central directory is read here as well, because
 * fflate does not expose the Unix modes Lambda needs (a custom runtime's `bootstrap` must stay 0755).
 */
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { CodeFile, CodeTree } from "./code-tree";
import { fileKind } from "./file-kind";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** Unix modes by entry name, from the central directory's external attributes (made by Unix hosts). */
export function readZipModes(zip: Uint8Array): Map<string, number> {
  const modes = new Map<string, number>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record sits within the last 64 KB + 22 bytes (its comment is ≤ 64 KB).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return modes;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && offset + 46 <= zip.length; n++) {
    if (view.getUint32(offset, true) !== CENTRAL_SIGNATURE) break;
    const madeBy = view.getUint16(offset + 4, true) >> 8;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    const mode = (external >>> 16) & 0o7777;
    if (madeBy === 3 && mode !== 0) modes.set(name, mode);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return modes;
}

export class ZipReadError extends Error {}

export function treeFromZip(zip: Uint8Array): CodeTree {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new ZipReadError(`Not a readable zip file (${error instanceof Error ? error.message : String(error)}).`);
  }
  const modes = readZipModes(zip);
  const files: Record<string, CodeFile> = {};
  const folders: string[] = [];
  for (const [rawName, bytes] of Object.entries(entries)) {
    // Zips made on Windows sometimes use backslashes; a leading ./ or / means nothing inside Lambda.
    const name = rawName.replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "");
    if (name === "" || name.startsWith("__MACOSX/") || name.split("/").includes("..")) continue;
    if (name.endsWith("/")) {
      folders.push(name.slice(0, -1));
      continue;
    }
    const kind = fileKind(name, bytes);
    const mode = modes.get(rawName);
    files[name] = {
      bytes,
      ...(kind.text !== undefined ? { text: kind.text } : { opaque: kind.opaque }),
      ...(mode !== undefined ? { mode } : {}),
    };
  }
  const implied = new Set(
    Object.keys(files).flatMap((p) =>
      p
        .split("/")
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join("/")),
    ),
  );
  return { files, folders: folders.filter((f) => !implied.has(f)).sort() };
}

/** A stable timestamp keeps two zips of the same files identical (and their CodeSha256 with them). */
const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

function defaultMode(path: string): number {
  // A custom runtime's entry point, and shell scripts, must be executable to run.
  return path === "bootstrap" || path.endsWith(".sh") ? 0o755 : 0o644;
}

export function zipFromTree(tree: CodeTree): Uint8Array {
  const input: Zippable = {};
  for (const folder of tree.folders) {
    input[`${folder}/`] = [new Uint8Array(0), { os: 3, attrs: ((0o040755 << 16) | 0x10) >>> 0, mtime: FIXED_MTIME }];
  }
  for (const path of Object.keys(tree.files).sort()) {
    const file = tree.files[path] as CodeFile;
    const data = file.text !== undefined ? strToU8(file.text) : file.bytes;
    const mode = file.mode ?? defaultMode(path);
    input[path] = [data, { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0, mtime: FIXED_MTIME }];
  }
  return zipSync(input, { level: 6 });
}
