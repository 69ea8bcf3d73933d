"use client";
/**
 * The editors, loaded on demand: next/dynamic with `ssr: false` (Monaco needs `window`), so the Monaco
 * chunks are fetched only when a route renders one of these — the Code and Test tabs.
 */
import dynamic from "next/dynamic";
import { LoaderCircleIcon } from "lucide-react";

export function EditorLoading({ label = "Loading editor…" }: { label?: string }) {
  return (
    <div
      role="status"
      className="text-muted-foreground bg-code flex h-full min-h-32 items-center justify-center gap-2 text-sm"
    >
      <LoaderCircleIcon className="size-4 animate-spin" aria-hidden />
      {label}
    </div>
  );
}

export const LazyCodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

export const LazyDiffEditor = dynamic(() => import("./code-editor").then((m) => m.DiffEditor), {
  ssr: false,
  loading: () => <EditorLoading label="Loading diff…" />,
});

/** The model helpers, for the Code tab (they load Monaco too, so only call them after an editor mounted). */
export const loadEditorModule = () => import("./code-editor");
