import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { starterZip } from "@/lib/starter-code";
import { addFile, addFolder, type CodeTree } from "./code-tree";
import { readZipModes, treeFromZip, ZipReadError, zipFromTree } from "./code-zip";

describe("zip round trip", () => {
  it("reads a starter package and keeps bootstrap executable", () => {
    const tree = treeFromZip(starterZip("provided.al2023"));
    expect(Object.keys(tree.files)).toEqual(["bootstrap"]);
    expect(tree.files.bootstrap?.mode).toBe(0o755);
    expect(tree.files.bootstrap?.text).toContain("AWS_LAMBDA_RUNTIME_API");
  });

  it("writes text, binary, nested and empty folders, and reads them back unchanged", () => {
    let tree: CodeTree = { files: {}, folders: [] };
    tree = addFile(tree, "index.mjs", "export const handler = async () => 'é';\n");
    tree = addFile(tree, "lib/a/b.json", "{}");
    tree = addFolder(tree, "empty/dir");
    const binary = new Uint8Array([0, 1, 2, 255, 0, 7]);
    tree = { ...tree, files: { ...tree.files, "img.bin": { bytes: binary, opaque: "binary" } } };
    const again = treeFromZip(zipFromTree(tree));
    expect(again.files["index.mjs"]?.text).toBe("export const handler = async () => 'é';\n");
    expect(again.files["lib/a/b.json"]?.text).toBe("{}");
    expect(again.files["img.bin"]).toMatchObject({ opaque: "binary", bytes: binary });
    expect(again.folders).toEqual(["empty/dir"]);
    expect(again.files["index.mjs"]?.mode).toBe(0o644);
  });

  it("produces identical bytes for identical trees (stable CodeSha256)", () => {
    const tree = treeFromZip(starterZip("nodejs22.x"));
    expect(zipFromTree(tree)).toEqual(zipFromTree(tree));
  });

  it("ignores __MACOSX metadata and normalizes leading ./", () => {
    const zip = zipSync({ "./a.txt": new TextEncoder().encode("a"), "__MACOSX/._a.txt": new Uint8Array([0]) });
    expect(Object.keys(treeFromZip(zip).files)).toEqual(["a.txt"]);
  });

  it("has no modes for zips made without Unix attributes, and rejects garbage", () => {
    expect(readZipModes(zipSync({ "a.txt": new Uint8Array([65]) })).size).toBe(0);
    expect(() => treeFromZip(new Uint8Array([1, 2, 3]))).toThrow(ZipReadError);
  });
});
