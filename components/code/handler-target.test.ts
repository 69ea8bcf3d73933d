import { describe, expect, it } from "vitest";
import type { CodeTree } from "./code-tree";
import { resolveHandler } from "./handler-target";

const tree = (files: Record<string, string>): CodeTree => ({
  files: Object.fromEntries(Object.entries(files).map(([p, t]) => [p, { bytes: new Uint8Array(), text: t }])),
  folders: [],
});

describe("resolveHandler", () => {
  it("finds a Node ESM export and its line", () => {
    const t = tree({ "index.mjs": "// hi\nexport const handler = async () => {};\n" });
    expect(resolveHandler("nodejs22.x", "index.handler", t)).toMatchObject({
      status: "ok",
      file: "index.mjs",
      exportName: "handler",
      line: 2,
    });
  });
  it("tries .js, .mjs, .cjs in a subfolder and accepts CommonJS exports", () => {
    const t = tree({ "src/app.cjs": "exports.main = async () => 1;" });
    expect(resolveHandler("nodejs20.x", "src/app.main", t)).toMatchObject({ status: "ok", file: "src/app.cjs" });
    const t2 = tree({ "app.js": "async function go() {}\nmodule.exports = { go };" });
    expect(resolveHandler("nodejs20.x", "app.go", t2)).toMatchObject({ status: "ok", line: 2 });
  });
  it("warns when the file is missing or the export is not found", () => {
    const t = tree({ "index.mjs": "export const other = 1;" });
    expect(resolveHandler("nodejs22.x", "main.handler", t)).toMatchObject({
      status: "missing-file",
      candidates: ["main.js", "main.mjs", "main.cjs"],
    });
    expect(resolveHandler("nodejs22.x", "index.handler", t).status).toBe("missing-export");
  });
  it("maps Python dotted modules to files", () => {
    const t = tree({ "pkg/mod.py": "import json\n\ndef lambda_handler(event, context):\n  pass\n" });
    expect(resolveHandler("python3.13", "pkg.mod.lambda_handler", t)).toMatchObject({
      status: "ok",
      file: "pkg/mod.py",
      line: 3,
    });
  });
  it("needs bootstrap for custom runtimes and ignores compiled runtimes", () => {
    expect(resolveHandler("provided.al2023", "x", tree({})).status).toBe("missing-file");
    expect(resolveHandler("provided.al2023", "x", tree({ bootstrap: "#!/bin/sh" })).status).toBe("ok");
    expect(resolveHandler("java21", "example.Handler::handleRequest", tree({})).status).toBe("not-applicable");
  });
});
