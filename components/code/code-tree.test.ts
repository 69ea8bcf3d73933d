import { describe, expect, it } from "vitest";
import {
  addFile,
  addFolder,
  buildTree,
  changedPaths,
  deletePath,
  diffTrees,
  hasChanges,
  pathProblem,
  PathError,
  renamePath,
  updateFileText,
  type CodeTree,
  type TreeNode,
} from "./code-tree";

const text = (t: string) => ({ bytes: new TextEncoder().encode(t), text: t });
const base: CodeTree = {
  files: { "index.mjs": text("export const handler = 1;"), "lib/util.mjs": text("u"), "lib/deep/x.json": text("{}") },
  folders: ["empty"],
};

function names(nodes: TreeNode[]): unknown[] {
  return nodes.map((n) => (n.type === "folder" ? { [n.name]: names(n.children) } : n.name));
}

describe("buildTree", () => {
  it("nests folders first, sorted, with explicit empty folders", () => {
    expect(names(buildTree(base))).toEqual([{ empty: [] }, { lib: [{ deep: ["x.json"] }, "util.mjs"] }, "index.mjs"]);
  });
});

describe("add", () => {
  it("adds a file in a new folder and drops the now-implied explicit folder", () => {
    const t = addFile(base, " empty / a.txt ", "hi");
    expect(t.files["empty/a.txt"]?.text).toBe("hi");
    expect(t.folders).toEqual([]);
  });
  it("refuses duplicates, dot segments and files used as folders", () => {
    expect(() => addFile(base, "index.mjs")).toThrow(PathError);
    expect(pathProblem(base, "lib")).toBe("A folder named lib already exists.");
    expect(pathProblem(base, "a/../b")).toBe("Names cannot be . or ..");
    expect(pathProblem(base, "index.mjs/x")).toBe("index.mjs is a file, not a folder.");
    expect(pathProblem(base, "  ")).toBe("Enter a name.");
  });
  it("adds an empty folder", () => {
    expect(addFolder(base, "src/handlers").folders).toEqual(["empty", "src/handlers"]);
  });
});

describe("rename", () => {
  it("moves a file and keeps its content", () => {
    const t = renamePath(base, "index.mjs", "src/main.mjs");
    expect(t.files["src/main.mjs"]?.text).toBe("export const handler = 1;");
    expect(t.files["index.mjs"]).toBeUndefined();
  });
  it("moves a folder with everything inside", () => {
    const t = renamePath(base, "lib", "shared");
    expect(Object.keys(t.files).sort()).toEqual(["index.mjs", "shared/deep/x.json", "shared/util.mjs"]);
  });
  it("refuses to move a folder into itself or onto an existing path", () => {
    expect(() => renamePath(base, "lib", "lib/inner")).toThrow("into itself");
    expect(() => renamePath(base, "lib/util.mjs", "index.mjs")).toThrow("already exists");
  });
  it("allows a no-op rename", () => {
    expect(renamePath(base, "lib", "lib")).toBe(base);
  });
});

describe("delete", () => {
  it("deletes a folder recursively", () => {
    expect(Object.keys(deletePath(base, "lib").files)).toEqual(["index.mjs"]);
  });
  it("keeps the folder of a deleted last file visible", () => {
    const t = deletePath(base, "lib/deep/x.json");
    expect(names(buildTree(t))).toEqual([{ empty: [] }, { lib: [{ deep: [] }, "util.mjs"] }, "index.mjs"]);
  });
});

describe("diffTrees", () => {
  it("is clean for the same tree and for an edit undone", () => {
    expect(hasChanges(diffTrees(base, base))).toBe(false);
    const edited = updateFileText(base, "index.mjs", "x");
    expect(hasChanges(diffTrees(base, updateFileText(edited, "index.mjs", "export const handler = 1;")))).toBe(false);
  });
  it("reports added, modified, deleted and marks parent folders", () => {
    let t = updateFileText(base, "lib/deep/x.json", '{"a":1}');
    t = addFile(t, "new.txt");
    t = deletePath(t, "lib/util.mjs");
    const changes = diffTrees(base, t);
    expect(changes).toMatchObject({ added: ["new.txt"], modified: ["lib/deep/x.json"], deleted: ["lib/util.mjs"] });
    expect([...changedPaths(changes)].sort()).toEqual(["lib", "lib/deep", "lib/deep/x.json", "new.txt"]);
  });
  it("counts a rename as a delete plus an add, and a new empty folder as a change", () => {
    expect(diffTrees(base, renamePath(base, "index.mjs", "main.mjs"))).toMatchObject({
      added: ["main.mjs"],
      deleted: ["index.mjs"],
    });
    expect(hasChanges(diffTrees(base, addFolder(base, "newdir")))).toBe(true);
  });
});
