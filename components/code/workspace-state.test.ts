import { describe, expect, it } from "vitest";
import type { CodeTree } from "./code-tree";
import { deployPhase } from "./deploy-phase";
import { initialWorkspace, workspaceReducer as reduce } from "./workspace-state";

const t = (s: string) => ({ bytes: new Uint8Array(), text: s });
const base: CodeTree = { files: { "index.mjs": t("a"), "lib/u.mjs": t("u") }, folders: [] };

describe("workspaceReducer", () => {
  it("opens the new file after add and follows renames of the open file's folder", () => {
    let s = initialWorkspace(base, "sha1", "lib/u.mjs");
    s = reduce(s, { type: "rename", from: "lib", to: "src" });
    expect(s.openPath).toBe("src/u.mjs");
    s = reduce(s, { type: "add-file", path: "src/new.ts" });
    expect(s.openPath).toBe("src/new.ts");
  });
  it("closes a deleted open file and ignores invalid ops", () => {
    let s = initialWorkspace(base, "sha1", "index.mjs");
    s = reduce(s, { type: "delete", path: "index.mjs" });
    expect(s.openPath).toBeUndefined();
    const same = reduce(s, { type: "add-file", path: "lib/u.mjs" });
    expect(same).toBe(s);
  });
  it("only bumps the structure counter for non-typing changes", () => {
    const s = initialWorkspace(base, "sha1", "index.mjs");
    expect(reduce(s, { type: "edit", path: "index.mjs", text: "b" }).structure).toBe(0);
    expect(reduce(s, { type: "add-folder", path: "x" }).structure).toBe(1);
  });
  it("moves the baseline to what was deployed, keeping later edits as edits", () => {
    let s = initialWorkspace(base, "sha1", "index.mjs");
    s = reduce(s, { type: "edit", path: "index.mjs", text: "deployed" });
    const deployedTree = s.tree;
    s = reduce(s, { type: "edit", path: "index.mjs", text: "typed during deploy" });
    s = reduce(s, { type: "deployed", tree: deployedTree, sha: "sha2" });
    expect(s.baseline.files["index.mjs"]?.text).toBe("deployed");
    expect(s.tree.files["index.mjs"]?.text).toBe("typed during deploy");
    expect(s.baselineSha).toBe("sha2");
  });
});

describe("deployPhase", () => {
  it("walks uploading → updating → done", () => {
    expect(deployPhase({ uploading: true, uploadBytes: 10 })).toEqual({ step: "uploading", bytes: 10 });
    expect(deployPhase({ uploading: false, uploadBytes: 10, accepted: {}, lastUpdateStatus: "InProgress" }).step).toBe(
      "updating",
    );
    expect(
      deployPhase({
        uploading: false,
        uploadBytes: 10,
        accepted: { sha: "a" },
        lastUpdateStatus: "Successful",
        codeSha256: "b",
      }),
    ).toEqual({ step: "done", sha: "b" });
  });
  it("reports Lambda's failure reason", () => {
    expect(
      deployPhase({
        uploading: false,
        uploadBytes: 1,
        accepted: {},
        lastUpdateStatus: "Failed",
        lastUpdateStatusReason: "bad zip",
        lastUpdateStatusReasonCode: "InvalidZipFileException",
      }),
    ).toEqual({ step: "failed", reason: "bad zip", code: "InvalidZipFileException" });
  });
  it("is idle before any deploy", () => {
    expect(deployPhase({ uploading: false, uploadBytes: 0, lastUpdateStatus: "Successful" })).toEqual({ step: "idle" });
  });
});
