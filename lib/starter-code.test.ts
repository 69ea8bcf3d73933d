import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { starterFiles, starterZip } from "./starter-code";

/** Unix mode of each entry, read from the central directory like the emulator does. */
function modes(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const name = strFromU8(zip.subarray(p + 46, p + 46 + nameLen));
    out.set(name, (external >>> 16) & 0o777);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe("starter code", () => {
  it("gives each runtime family the file its default handler expects", () => {
    expect(Object.keys(starterFiles("nodejs22.x"))).toEqual(["index.mjs"]);
    expect(Object.keys(starterFiles("python3.13"))).toEqual(["lambda_function.py"]);
    expect(Object.keys(starterFiles("ruby3.4"))).toEqual(["lambda_function.rb"]);
    expect(Object.keys(starterFiles("provided.al2023"))).toEqual(["bootstrap"]);
    expect(Object.keys(starterFiles("java21"))).toEqual(["README.txt"]);
  });
  it("zips the files with Unix modes so bootstrap stays executable", () => {
    const zip = starterZip("provided.al2023");
    expect(strFromU8(unzipSync(zip).bootstrap!)).toContain("$API/invocation/next");
    expect(modes(zip).get("bootstrap")).toBe(0o755);
    expect(modes(starterZip("nodejs22.x")).get("index.mjs")).toBe(0o644);
  });
  it("writes a Node handler that exports `handler` from index.mjs", () => {
    const text = strFromU8(unzipSync(starterZip("nodejs22.x"))["index.mjs"]!);
    expect(text).toMatch(/export const handler = async/);
  });
  it("writes a durable handler, with named steps and a wait, when asked for one", () => {
    const text = strFromU8(unzipSync(starterZip("nodejs24.x", { durable: true }))["index.mjs"]!);
    expect(text).toContain('import { withDurableExecution } from "@aws/durable-execution-sdk-js";');
    expect(text).toMatch(/export const handler = withDurableExecution\(/);
    expect(text.match(/context\.step\("[a-z-]+"/g)).toHaveLength(2);
    expect(text).toMatch(/context\.wait\("[a-z-]+", \{ seconds: \d+ \}\)/);
    expect(starterFiles("nodejs24.x", { durable: false })["index.mjs"]).not.toContain("withDurableExecution");
  });
});
