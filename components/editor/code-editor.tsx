"use client";
/**
 * The single Monaco wrapper (DESIGN.md §2): a code editor and a diff editor, themed with the app, with
 * Ctrl/Cmd+S and Ctrl/Cmd+Enter wired to the page. Loaded only through ./lazy (next/dynamic, no SSR).
 */
import { useEffect, useRef } from "react";
import Editor, { DiffEditor as MonacoDiffEditor, type Monaco } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import { monaco } from "./monaco-setup";

export type EditorInstance = monaco.editor.IStandaloneCodeEditor;
export type MonacoApi = Monaco;

interface Shortcuts {
  /**
   * Ctrl/Cmd+S (deploy, save), with the editor's content: a key pressed right after a paste can arrive
   * before React has rendered the change, so the handler must not rely on state alone.
   */
  onSave?: (value: string) => void;
  /** Ctrl/Cmd+Enter (invoke), with the editor's content. */
  onRun?: (value: string) => void;
}

const BASE_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  fontSize: 13,
  lineHeight: 20,
  fontFamily:
    'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  renderLineHighlight: "all",
  padding: { top: 10, bottom: 10 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  fixedOverflowWidgets: true,
};

function useMonacoTheme(): string {
  const { resolvedTheme } = useTheme();
  return resolvedTheme === "dark" ? "lambda-dark" : "lambda-light";
}

/** Keeps the latest callbacks in a ref, so editor actions registered once always call the current ones. */
function useShortcutRefs(shortcuts: Shortcuts) {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  return ref;
}

function addShortcuts(editor: EditorInstance, ref: React.RefObject<Shortcuts>) {
  editor.addAction({
    id: "lambda-console.save",
    label: "Save / deploy",
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
    run: () => ref.current.onSave?.(editor.getValue()),
  });
  editor.addAction({
    id: "lambda-console.run",
    label: "Invoke",
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => ref.current.onRun?.(editor.getValue()),
  });
}

export interface CodeEditorProps extends Shortcuts {
  /** The model's path (`file:///<path>`): one model per file, so undo history and imports survive switching. */
  path: string;
  value: string;
  language?: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** The accessible name of the editor's text area. */
  ariaLabel: string;
  height?: string | number;
  className?: string;
  onMount?: (editor: EditorInstance, api: MonacoApi) => void;
  options?: monaco.editor.IStandaloneEditorConstructionOptions;
}

export function CodeEditor({
  path,
  value,
  language,
  onChange,
  readOnly,
  ariaLabel,
  height = "100%",
  className,
  onMount,
  options,
  onSave,
  onRun,
}: CodeEditorProps) {
  const theme = useMonacoTheme();
  const shortcuts = useShortcutRefs({ onSave, onRun });
  return (
    <Editor
      className={className}
      height={height}
      path={`file:///${path}`}
      value={value}
      language={language}
      theme={theme}
      loading={null}
      // Models of other files stay alive for cross-file types; the Code tab disposes them when it leaves.
      keepCurrentModel
      options={{ ...BASE_OPTIONS, ariaLabel, readOnly, ...options }}
      onChange={(next) => onChange?.(next ?? "")}
      onMount={(editor, api) => {
        addShortcuts(editor, shortcuts);
        document.body.dataset.monacoReady = "1";
        onMount?.(editor, api);
      }}
    />
  );
}

export interface DiffEditorProps extends Shortcuts {
  /** Path of the file being compared; the modified side shares the editor's model, so edits here count. */
  path: string;
  original: string;
  modified: string;
  language?: string;
  onChange?: (value: string) => void;
  ariaLabel: string;
  height?: string | number;
  sideBySide?: boolean;
}

export function DiffEditor({
  path,
  original,
  modified,
  language,
  onChange,
  ariaLabel,
  height = "100%",
  sideBySide = true,
  onSave,
  onRun,
}: DiffEditorProps) {
  const theme = useMonacoTheme();
  const shortcuts = useShortcutRefs({ onSave, onRun });
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  });
  return (
    <MonacoDiffEditor
      height={height}
      original={original}
      modified={modified}
      language={language}
      originalModelPath={`inmemory://deployed/${path}`}
      modifiedModelPath={`file:///${path}`}
      keepCurrentModifiedModel
      theme={theme}
      loading={null}
      options={{
        ...BASE_OPTIONS,
        renderSideBySide: sideBySide,
        originalEditable: false,
        ariaLabel,
        renderOverviewRuler: false,
      }}
      onMount={(editor) => {
        const modifiedEditor = editor.getModifiedEditor();
        addShortcuts(modifiedEditor, shortcuts);
        modifiedEditor.onDidChangeModelContent(() => change.current?.(modifiedEditor.getValue()));
        document.body.dataset.monacoReady = "1";
      }}
    />
  );
}

/** Disposes the models whose path starts with `prefix` (a function's files), when its Code tab closes. */
export function disposeModels(prefix: string, keep: (path: string) => boolean = () => false) {
  for (const model of monaco.editor.getModels()) {
    const path = model.uri.path.replace(/^\//, "");
    if (model.uri.scheme === "file" && path.startsWith(prefix) && !keep(path)) model.dispose();
  }
}

/** Makes sure every text file has a model (for cross-file types) with the given content. */
export function syncModels(files: Record<string, { text: string; language: string }>) {
  for (const [path, file] of Object.entries(files)) {
    const uri = monaco.Uri.parse(`file:///${path}`);
    const model = monaco.editor.getModel(uri);
    if (!model) monaco.editor.createModel(file.text, file.language, uri);
    else if (model.getValue() !== file.text) model.setValue(file.text);
  }
}
