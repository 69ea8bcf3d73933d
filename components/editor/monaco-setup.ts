"use client";
/**
 * Self-hosted Monaco (no CDN; the machines are offline), set up once per page load. Imported only by
 * ./code-editor, which the routes that edit code load lazily, so no other route fetches Monaco.
 * Recipe: shared/notes/toolchain.md §1 — getWorker must answer every label.
 */
import * as monaco from "monaco-editor";
import { loader } from "@monaco-editor/react";
import { AWS_LAMBDA_DTS, NODE_GLOBALS_DTS } from "./lambda-types";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case "typescript":
      case "javascript":
        return new Worker(new URL("monaco-editor/languages/features/typescript/ts.worker.js", import.meta.url), {
          type: "module",
        });
      case "json":
        return new Worker(new URL("monaco-editor/languages/features/json/json.worker.js", import.meta.url), {
          type: "module",
        });
      case "css":
      case "scss":
      case "less":
        return new Worker(new URL("monaco-editor/languages/features/css/css.worker.js", import.meta.url), {
          type: "module",
        });
      case "html":
      case "handlebars":
      case "razor":
        return new Worker(new URL("monaco-editor/languages/features/html/html.worker.js", import.meta.url), {
          type: "module",
        });
      default:
        return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
    }
  },
};

loader.config({ monaco });

// Colours follow app/globals.css (the --code surface, the indigo accent), so the editor sits in the page.
monaco.editor.defineTheme("lambda-light", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: {
    "editor.background": "#f8f9fb",
    "editorGutter.background": "#f8f9fb",
    "editor.lineHighlightBackground": "#edf0f9",
    "editor.lineHighlightBorder": "#00000000",
    "editorLineNumber.foreground": "#9a9fa8",
    "editorLineNumber.activeForeground": "#3856c8",
    "editorCursor.foreground": "#3856c8",
    "editor.selectionBackground": "#c9d3f5",
    "editorWidget.background": "#ffffff",
    "editorWidget.border": "#e1e3e7",
    "diffEditor.insertedTextBackground": "#0a7e4626",
    "diffEditor.removedTextBackground": "#cc272e22",
  },
});
monaco.editor.defineTheme("lambda-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [],
  colors: {
    "editor.background": "#0f1114",
    "editorGutter.background": "#0f1114",
    "editor.lineHighlightBackground": "#1a1e27",
    "editor.lineHighlightBorder": "#00000000",
    "editorLineNumber.foreground": "#5b6069",
    "editorLineNumber.activeForeground": "#7192f4",
    "editorCursor.foreground": "#7192f4",
    "editor.selectionBackground": "#2b3a66",
    "editorWidget.background": "#181a1e",
    "editorWidget.border": "#2a2d33",
    "diffEditor.insertedTextBackground": "#55c48326",
    "diffEditor.removedTextBackground": "#f0555b26",
  },
});

// Handlers are mostly plain JavaScript modules: check nothing the user did not ask for, but give them
// completions and hovers for Lambda's types (bundled .d.ts, see ./lambda-types).
const compilerOptions: monaco.typescript.CompilerOptions = {
  target: monaco.typescript.ScriptTarget.ESNext,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
  strict: true,
  noEmit: true,
};
for (const defaults of [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults]) {
  defaults.setCompilerOptions(compilerOptions);
  // Every file of the package is a model; syncing them eagerly lets imports between files resolve.
  defaults.setEagerModelSync(true);
  // 80001 "File is a CommonJS module; it may be converted to an ES module" is noise on exports.handler.
  defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: [80001] });
  defaults.addExtraLib(AWS_LAMBDA_DTS, "file:///node_modules/@types/aws-lambda/index.d.ts");
  defaults.addExtraLib(NODE_GLOBALS_DTS, "file:///node_modules/@types/node-lite/index.d.ts");
}

export { monaco };
