"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import {
  BinaryIcon,
  DownloadIcon,
  FileCode2Icon,
  FilePlusIcon,
  FolderPlusIcon,
  GitCompareIcon,
  LoaderCircleIcon,
  RefreshCwIcon,
  RocketIcon,
  RotateCcwIcon,
  UploadIcon,
} from "lucide-react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { downloadBytes } from "@/components/common/download";
import { ErrorPanel } from "@/components/common/error-panel";
import { formatBytes } from "@/components/common/format-bytes";
import { LazyCodeEditor, LazyDiffEditor, loadEditorModule } from "@/components/editor/lazy";
import type { EditorInstance } from "@/components/editor/code-editor";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Kbd } from "@/components/ui/kbd";
import type { ActionError } from "@/lib/actions/result";
import { packageLimitProblem } from "@/lib/code-forms";
import type { FunctionConfig } from "@/lib/lambda-types";
import { queryKeys } from "@/lib/queries/keys";
import { useDeployCode } from "@/lib/queries/code";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import {
  addFile,
  changedPaths,
  diffTrees,
  hasChanges,
  pathProblem,
  unzippedSize,
  updateFileText,
  type CodeTree,
} from "./code-tree";
import { treeFromZip, zipFromTree } from "./code-zip";
import { deployPhase } from "./deploy-phase";
import { DeployStatus } from "./deploy-status";
import { fileKind, languageFor } from "./file-kind";
import { FileTree, type FileChange, type TreeEdit } from "./file-tree";
import { HandlerIndicator } from "./handler-indicator";
import { resolveHandler } from "./handler-target";
import {
  dropDraft,
  initialWorkspace,
  loadDraft,
  saveDraft,
  workspaceReducer,
  type WorkspaceState,
} from "./workspace-state";

/** Monaco gets a model per source file so imports resolve; beyond this many, only the open file. */
const MAX_SYNCED_MODELS = 300;
const TYPED = /\.(m|c)?[jt]sx?$/;

interface DeployRun {
  tree: CodeTree;
  bytes: number;
  accepted?: { sha?: string };
}

export function CodeWorkspace({
  name,
  config,
  deployedZip,
  deployedSha,
  onReload,
}: {
  name: string;
  config: FunctionConfig;
  deployedZip: Uint8Array;
  deployedSha: string;
  /** Throw away the edits and load the deployed code again. */
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(workspaceReducer, undefined, (): WorkspaceState => {
    const draft = loadDraft(name);
    if (draft) return draft;
    const tree = treeFromZip(deployedZip);
    const target = resolveHandler(config.Runtime, config.Handler, tree);
    const first = target.file && tree.files[target.file] ? target.file : Object.keys(tree.files).sort()[0];
    return initialWorkspace(tree, deployedSha, first);
  });
  const { tree, baseline, openPath } = state;
  const prefix = `${name}/`;

  useEffect(() => saveDraft(name, state), [name, state]);

  const changes = useMemo(() => diffTrees(baseline, tree), [baseline, tree]);
  const dirty = hasChanges(changes);
  const changeMarks = useMemo(() => {
    const marks = new Map<string, FileChange | "folder">();
    for (const p of changedPaths(changes)) marks.set(p, "folder");
    for (const p of changes.modified) marks.set(p, "modified");
    for (const p of changes.added) marks.set(p, "added");
    return marks;
  }, [changes]);
  const target = useMemo(
    () => resolveHandler(config.Runtime, config.Handler, tree),
    [config.Runtime, config.Handler, tree],
  );

  // ---- editor and models --------------------------------------------------------------------------
  const editorRef = useRef<EditorInstance | undefined>(undefined);
  const [editorReady, setEditorReady] = useState(false);
  const [reveal, setReveal] = useState<{ path: string; line: number } | undefined>();
  const [compare, setCompare] = useState(false);

  useEffect(() => {
    if (!editorReady) return;
    let cancelled = false;
    void loadEditorModule().then(({ syncModels, disposeModels }) => {
      if (cancelled) return;
      disposeModels(prefix, (path) => Boolean(tree.files[path.slice(prefix.length)]));
      const typed = Object.entries(tree.files).filter(
        ([p, f]) => f.text !== undefined && TYPED.test(p) && !p.includes("node_modules/"),
      );
      syncModels(
        Object.fromEntries(
          typed
            .slice(0, MAX_SYNCED_MODELS)
            .map(([p, f]) => [`${prefix}${p}`, { text: f.text ?? "", language: languageFor(p) }]),
        ),
      );
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- typing changes only the open model, which Monaco already has; re-sync on structural changes
  }, [editorReady, state.structure, prefix]);

  // Leaving the tab disposes this function's models (the draft keeps the text).
  useEffect(() => () => void loadEditorModule().then(({ disposeModels }) => disposeModels(prefix)), [prefix]);

  useEffect(() => {
    if (!reveal || reveal.path !== openPath || !editorReady) return;
    const editor = editorRef.current;
    if (!editor) return;
    // The model switch happens in the editor's own effect; reveal on the next frame.
    const frame = requestAnimationFrame(() => {
      editor.revealLineInCenter(reveal.line);
      editor.setPosition({ lineNumber: reveal.line, column: 1 });
      editor.focus();
      setReveal(undefined);
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal, openPath, editorReady]);

  const open = useCallback((path: string, line?: number) => {
    dispatch({ type: "open", path });
    if (line) setReveal({ path, line });
  }, []);

  // ---- tree edits ---------------------------------------------------------------------------------
  const [edit, setEdit] = useState<TreeEdit | undefined>();
  const [editValue, setEditValue] = useState("");

  function editTarget(e: TreeEdit, value: string): string {
    const name = value.trim();
    if (e.kind === "rename") return name;
    return e.parent ? `${e.parent}/${name}` : name;
  }
  const editError =
    edit && editValue.trim()
      ? pathProblem(tree, editTarget(edit, editValue), edit.kind === "rename" ? edit.path : undefined)
      : undefined;

  function commitEdit(value: string) {
    if (!edit) return;
    const path = editTarget(edit, value);
    if (!value.trim()) {
      setEdit(undefined);
      return;
    }
    const problem = pathProblem(tree, path, edit.kind === "rename" ? edit.path : undefined);
    if (problem) {
      setEditValue(value);
      return;
    }
    if (edit.kind === "rename") {
      if (path !== edit.path) dispatch({ type: "rename", from: edit.path, to: path });
    } else dispatch({ type: edit.kind === "new-file" ? "add-file" : "add-folder", path });
    setEdit(undefined);
    setEditValue("");
  }

  function remove(path: string, folder: boolean) {
    const before = tree;
    const opened = openPath;
    dispatch({ type: "delete", path });
    toast(`Deleted ${path}${folder ? " and its contents" : ""}`, {
      description: "Not deployed yet.",
      action: {
        label: "Undo",
        onClick: () => dispatch({ type: "restore", tree: before, ...(opened ? { openPath: opened } : {}) }),
      },
    });
  }

  function revertFile(path: string) {
    const original = baseline.files[path];
    const files = { ...tree.files };
    if (original) files[path] = original;
    else delete files[path];
    dispatch({ type: "restore", tree: { files, folders: tree.folders } });
  }

  // ---- upload, download ---------------------------------------------------------------------------
  const fileInput = useRef<HTMLInputElement>(null);
  const [pendingUpload, setPendingUpload] = useState<{ name: string; tree: CodeTree; zip: Uint8Array } | undefined>();
  const uploaded = useRef<{ tree: CodeTree; zip: Uint8Array } | undefined>(undefined);
  const [dragging, setDragging] = useState(false);

  function applyUpload(upload: { name: string; tree: CodeTree; zip: Uint8Array }) {
    dispatch({ type: "replace", tree: upload.tree });
    uploaded.current = { tree: upload.tree, zip: upload.zip };
    const files = Object.keys(upload.tree.files).length;
    toast.success(`Loaded ${upload.name}`, {
      description: `${files} file${files === 1 ? "" : "s"}. Deploy to apply it (Ctrl+S).`,
    });
  }

  async function receiveFiles(files: File[]) {
    const zipFile = files.length === 1 && /\.zip$/i.test(files[0]?.name ?? "") ? files[0] : undefined;
    if (zipFile) {
      const zip = new Uint8Array(await zipFile.arrayBuffer());
      let next: CodeTree;
      try {
        next = treeFromZip(zip);
      } catch (error) {
        toast.error(`Could not read ${zipFile.name}`, {
          description: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      const upload = { name: zipFile.name, tree: next, zip };
      if (dirty) setPendingUpload(upload);
      else applyUpload(upload);
      return;
    }
    // Plain files are added at the root (or replace nothing: a clash is reported, not overwritten).
    let next = tree;
    const added: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = pathProblem(next, file.name);
      if (problem) {
        toast.error(`Skipped ${file.name}`, { description: problem });
        continue;
      }
      const kind = fileKind(file.name, bytes);
      next = addFile(next, file.name);
      next = {
        ...next,
        files: {
          ...next.files,
          [file.name]: kind.text !== undefined ? { bytes, text: kind.text } : { bytes, opaque: kind.opaque },
        },
      };
      added.push(file.name);
    }
    if (added.length > 0) {
      dispatch({ type: "replace", tree: next });
      toast.success(`Added ${added.join(", ")}`);
    }
  }

  // ---- deploy -------------------------------------------------------------------------------------
  const deploy = useDeployCode();
  const [run, setRun] = useState<DeployRun | undefined>();
  const [deployError, setDeployError] = useState<ActionError | undefined>();
  const [conflict, setConflict] = useState<ActionError | undefined>();
  const phase = deployPhase({
    uploading: deploy.isPending,
    uploadBytes: run?.bytes ?? 0,
    ...(run?.accepted ? { accepted: run.accepted } : {}),
    ...(config.LastUpdateStatus ? { lastUpdateStatus: config.LastUpdateStatus } : {}),
    ...(config.LastUpdateStatusReason ? { lastUpdateStatusReason: config.LastUpdateStatusReason } : {}),
    ...(config.LastUpdateStatusReasonCode ? { lastUpdateStatusReasonCode: config.LastUpdateStatusReasonCode } : {}),
    ...(config.CodeSha256 ? { codeSha256: config.CodeSha256 } : {}),
  });
  const busy = phase.step === "uploading" || phase.step === "updating";

  // A finished deploy says so for a moment, then gets out of the way.
  useEffect(() => {
    if (phase.step !== "done") return;
    const timer = setTimeout(() => setRun(undefined), 6000);
    return () => clearTimeout(timer);
  }, [phase.step]);

  /** `latest`: the open file as the editor has it (a Ctrl+S right after typing may beat React's render). */
  async function deployNow(force = false, latest?: { path: string; text: string }) {
    if (busy) return;
    const snapshot = latest ? updateFileText(tree, latest.path, latest.text) : tree;
    if (!hasChanges(diffTrees(baseline, snapshot)) && !force) {
      toast.info("No changes to deploy", { description: "Edit, add or upload files first." });
      return;
    }
    setDeployError(undefined);
    if (snapshot !== tree && latest) dispatch({ type: "edit", path: latest.path, text: latest.text });
    const upload = uploaded.current;
    const zip = upload?.tree === snapshot ? upload.zip : zipFromTree(snapshot);
    const problem = packageLimitProblem(zip.length, unzippedSize(snapshot));
    if (problem) {
      setDeployError({ code: "PackageTooLarge", message: problem });
      return;
    }
    setRun({ tree: snapshot, bytes: zip.length });
    const result = await deploy.mutateAsync({
      functionName: name,
      zip: new Blob([zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
      expectedCodeSha256: state.baselineSha,
      force,
    });
    if (!result.ok) {
      setRun(undefined);
      if (result.error.code === "CodeChangedSinceLoaded") setConflict(result.error);
      else setDeployError(result.error);
      return;
    }
    const sha = result.data.CodeSha256 ?? "";
    setRun({ tree: snapshot, bytes: zip.length, accepted: { sha } });
    dispatch({ type: "deployed", tree: snapshot, sha });
    // The deployed package is exactly these bytes: a later visit need not download them again.
    if (sha) queryClient.setQueryData(queryKeys.code.zip(name, sha), zip);
  }

  const deployRef = useRef(deployNow);
  useEffect(() => {
    deployRef.current = deployNow;
  });
  const onSave = useCallback(() => void deployRef.current(), []);
  const onEditorSave = useCallback(
    (path: string) => (text: string) => void deployRef.current(false, { path, text }),
    [],
  );

  // Ctrl/Cmd+S anywhere on the tab deploys (Monaco handles it itself while it has focus).
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "s") return;
      e.preventDefault();
      onSave();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onSave]);

  // Leaving the page with undeployed changes asks first (switching tabs keeps them in the draft).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const changedElsewhere = !run && config.CodeSha256 !== undefined && config.CodeSha256 !== state.baselineSha;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const openFile = openPath ? tree.files[openPath] : undefined;
  const changeCount = changes.added.length + changes.modified.length + changes.deleted.length;
  const totalFiles = Object.keys(tree.files).length;

  return (
    <section aria-label="Code" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-1 basis-72">
          <HandlerIndicator handler={config.Handler} target={target} onGo={open} />
        </div>
        <div className="ml-auto flex shrink-0 flex-wrap items-center gap-2">
          <span
            className={cn("text-xs", dirty ? "text-warning font-medium" : "text-muted-foreground")}
            aria-live="polite"
          >
            {!dirty
              ? "No changes"
              : changeCount === 0
                ? "Folder changes not deployed"
                : `${changeCount} ${changeCount === 1 ? "change" : "changes"} not deployed`}
          </span>
          <Button
            variant="outline"
            size="sm"
            aria-pressed={compare}
            onClick={() => setCompare((c) => !c)}
            className={cn(compare && "bg-accent text-accent-foreground")}
          >
            <GitCompareIcon aria-hidden /> Compare
            <span className="sr-only"> with deployed</span>
          </Button>
          <Button variant="outline" size="sm" onClick={() => fileInput.current?.click()}>
            <UploadIcon aria-hidden /> Upload .zip
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".zip,application/zip"
            className="sr-only"
            tabIndex={-1}
            aria-label="Choose a .zip to upload"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              if (files.length) void receiveFiles(files);
            }}
          />
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" size="sm">
                <DownloadIcon aria-hidden /> Download
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild>
                <a href={routes.api.functionCode(name, { download: true })} download={`${name}.zip`}>
                  Deployed package (.zip)
                </a>
              </DropdownMenuItem>
              <DropdownMenuItem
                onSelect={() => downloadBytes(zipFromTree(tree), `${name}-edited.zip`, "application/zip")}
              >
                Current files, with changes (.zip)
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <Button size="sm" onClick={() => void deployNow()} disabled={busy}>
            {busy ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <RocketIcon aria-hidden />}
            {busy ? "Deploying…" : "Deploy"}
            <Kbd className="bg-primary-foreground/15 text-primary-foreground ml-1 hidden sm:inline-flex">Ctrl S</Kbd>
          </Button>
        </div>
      </div>

      <DeployStatus phase={phase} />
      {deployError ? (
        <ErrorPanel
          error={deployError}
          title="Could not deploy"
          onRetry={deployError.code === "PackageTooLarge" ? undefined : () => void deployNow()}
        />
      ) : null}
      {changedElsewhere ? (
        <div
          role="alert"
          className="border-warning/40 bg-warning-soft flex flex-wrap items-center gap-3 rounded-lg border px-4 py-2.5 text-sm"
        >
          <p className="min-w-0 flex-1">
            The deployed code changed since you opened it (someone else deployed). Deploying now would overwrite it.
          </p>
          <Button variant="outline" size="sm" onClick={() => (dirty ? setConfirmDiscard(true) : onReload())}>
            <RefreshCwIcon aria-hidden /> Load the deployed code
          </Button>
        </div>
      ) : null}

      <div className="bg-card grid h-[calc(100dvh-17.5rem)] min-h-[30rem] grid-cols-[minmax(12rem,16rem)_minmax(0,1fr)] overflow-hidden rounded-lg border">
        <aside
          aria-label="Package files"
          className={cn("relative flex min-h-0 flex-col border-r", dragging && "ring-primary ring-2 ring-inset")}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes("Files")) return;
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const files = [...e.dataTransfer.files];
            if (files.length) void receiveFiles(files);
          }}
        >
          <div className="flex h-9 items-center justify-between border-b pr-1 pl-3">
            <span className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">Files</span>
            <div className="flex items-center">
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label="New file"
                title="New file"
                onClick={() => {
                  setEditValue("");
                  setEdit({
                    kind: "new-file",
                    parent: openPath?.includes("/") ? openPath.slice(0, openPath.lastIndexOf("/")) : "",
                  });
                }}
              >
                <FilePlusIcon className="size-4" aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label="New folder"
                title="New folder"
                onClick={() => {
                  setEditValue("");
                  setEdit({ kind: "new-folder", parent: "" });
                }}
              >
                <FolderPlusIcon className="size-4" aria-hidden />
              </Button>
            </div>
          </div>
          <div className="min-h-0 flex-1 overflow-auto">
            <FileTree
              tree={tree}
              changes={changeMarks}
              openPath={openPath}
              handlerFile={target.status === "ok" || target.status === "missing-export" ? target.file : undefined}
              edit={edit}
              editError={editError}
              onOpen={(p) => open(p)}
              onStartEdit={(e) => {
                setEditValue(e.kind === "rename" ? e.path : "");
                setEdit(e);
              }}
              onEditChange={setEditValue}
              onCommitEdit={commitEdit}
              onCancelEdit={() => {
                setEdit(undefined);
                setEditValue("");
              }}
              onDelete={remove}
            />
            {totalFiles === 0 && !edit ? (
              <p className="text-muted-foreground px-3 py-4 text-xs">
                The package is empty. Add a file or drop a .zip here.
              </p>
            ) : null}
          </div>
          {dirty ? (
            <div className="max-h-44 overflow-auto border-t">
              <div className="flex h-8 items-center justify-between pr-1 pl-3">
                <span className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">
                  Changes <span className="tabular">({changeCount})</span>
                </span>
                <Button variant="ghost" size="sm" className="h-6 px-2 text-xs" onClick={() => setConfirmDiscard(true)}>
                  <RotateCcwIcon className="size-3" aria-hidden /> Discard all
                </Button>
              </div>
              <ul aria-label="Changes not deployed" className="pb-1 text-xs">
                {[
                  ...changes.added.map((p) => ["added", p] as const),
                  ...changes.modified.map((p) => ["modified", p] as const),
                  ...changes.deleted.map((p) => ["deleted", p] as const),
                ].map(([kind, p]) => (
                  <li key={`${kind}-${p}`} className="group hover:bg-muted flex h-6 items-center gap-2 pr-1 pl-3">
                    <span
                      className={cn(
                        "w-3 font-mono font-semibold",
                        kind === "added" ? "text-success" : kind === "modified" ? "text-warning" : "text-destructive",
                      )}
                      aria-label={kind}
                    >
                      {kind === "added" ? "A" : kind === "modified" ? "M" : "D"}
                    </span>
                    <button
                      type="button"
                      className={cn(
                        "min-w-0 flex-1 truncate text-left font-mono",
                        kind === "deleted" && "text-muted-foreground line-through",
                      )}
                      disabled={kind === "deleted"}
                      onClick={() => {
                        open(p);
                        setCompare(kind === "modified");
                      }}
                    >
                      {p}
                    </button>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      className="size-5 opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
                      aria-label={`Revert ${p}`}
                      title={kind === "added" ? "Remove the new file" : "Restore the deployed version"}
                      onClick={() => revertFile(p)}
                    >
                      <RotateCcwIcon className="size-3" aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {dragging ? (
            <div className="bg-background/90 text-primary pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 p-4 text-center text-sm font-medium">
              <UploadIcon className="size-6" aria-hidden />
              Drop a .zip to replace the files, or files to add them
            </div>
          ) : null}
        </aside>

        <div className="flex min-h-0 min-w-0 flex-col">
          <div className="flex h-9 items-center gap-2 border-b px-3 text-xs">
            {openPath ? (
              <>
                <span className="text-muted-foreground min-w-0 truncate font-mono" title={openPath}>
                  {openPath.split("/").map((part, i, all) => (
                    <span key={i}>
                      {i > 0 ? <span className="px-0.5 opacity-60">/</span> : null}
                      <span className={i === all.length - 1 ? "text-foreground font-medium" : undefined}>{part}</span>
                    </span>
                  ))}
                </span>
                {changeMarks.get(openPath) === "modified" ? (
                  <span className="text-warning font-medium">Modified</span>
                ) : changeMarks.get(openPath) === "added" ? (
                  <span className="text-success font-medium">New</span>
                ) : null}
                <span className="text-muted-foreground ml-auto">
                  {compare && openFile?.text !== undefined ? "Deployed ↔ current · " : ""}
                  {openFile?.opaque ?? languageFor(openPath)}
                </span>
              </>
            ) : (
              <span className="text-muted-foreground">
                {totalFiles} file{totalFiles === 1 ? "" : "s"} · {formatBytes(unzippedSize(tree))} unzipped
              </span>
            )}
          </div>
          <div className="min-h-0 flex-1">
            {!openPath || !openFile ? (
              <div className="text-muted-foreground flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-sm">
                <FileCode2Icon className="size-8 opacity-60" aria-hidden />
                <p>Select a file to edit it.</p>
                {target.file && tree.files[target.file] ? (
                  <Button variant="outline" size="sm" onClick={() => open(target.file ?? "", target.line)}>
                    Open the handler ({target.file})
                  </Button>
                ) : null}
              </div>
            ) : openFile.text === undefined ? (
              <div className="text-muted-foreground flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-sm">
                <BinaryIcon className="size-8 opacity-60" aria-hidden />
                <p className="text-foreground font-medium">
                  {openFile.opaque === "large" ? "Large file" : "Binary"}, {formatBytes(openFile.bytes.length)}
                </p>
                <p className="max-w-sm">
                  {openFile.opaque === "large"
                    ? "Files over 2 MB are not opened in the browser editor. It stays in the package as it is."
                    : "This file is not text, so it is not opened in the editor. It stays in the package as it is."}
                </p>
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => downloadBytes(openFile.bytes, openPath.split("/").pop() ?? "file")}
                >
                  <DownloadIcon aria-hidden /> Download this file
                </Button>
              </div>
            ) : compare ? (
              <LazyDiffEditor
                key={`diff-${openPath}`}
                path={`${prefix}${openPath}`}
                original={baseline.files[openPath]?.text ?? ""}
                modified={openFile.text}
                language={languageFor(openPath)}
                ariaLabel={`Changes to ${openPath}`}
                onChange={(text) => dispatch({ type: "edit", path: openPath, text })}
                onSave={onEditorSave(openPath)}
              />
            ) : (
              <LazyCodeEditor
                path={`${prefix}${openPath}`}
                value={openFile.text}
                language={languageFor(openPath)}
                ariaLabel={`Code of ${openPath}`}
                onChange={(text) => dispatch({ type: "edit", path: openPath, text })}
                onSave={onEditorSave(openPath)}
                onMount={(editor) => {
                  editorRef.current = editor;
                  setEditorReady(true);
                }}
              />
            )}
          </div>
        </div>
      </div>

      <ConfirmDialog
        open={Boolean(pendingUpload)}
        onOpenChange={(o) => !o && setPendingUpload(undefined)}
        title={`Replace the files with ${pendingUpload?.name ?? "the upload"}?`}
        description="Your changes that are not deployed are replaced by the zip's files. Nothing is deployed until you press Deploy."
        confirmLabel="Replace files"
        destructive
        onConfirm={() => pendingUpload && applyUpload(pendingUpload)}
      />
      <ConfirmDialog
        open={confirmDiscard}
        onOpenChange={setConfirmDiscard}
        title={changedElsewhere ? "Load the deployed code?" : "Discard all changes?"}
        description={
          changedElsewhere
            ? "Your changes that are not deployed are discarded and the code as deployed now is loaded."
            : "Every file goes back to the deployed version. This cannot be undone."
        }
        confirmLabel={changedElsewhere ? "Discard and load" : "Discard changes"}
        destructive
        onConfirm={() => {
          if (changedElsewhere) {
            dropDraft(name);
            onReload();
          } else {
            dispatch({ type: "restore", tree: baseline });
            uploaded.current = undefined;
          }
        }}
      />
      <ConfirmDialog
        open={Boolean(conflict)}
        onOpenChange={(o) => !o && setConflict(undefined)}
        title="The deployed code changed"
        description={
          <>
            <p>{conflict?.message}</p>
            <p className="mt-2">
              Deploy anyway to replace it with your files, or cancel and load the deployed code first.
            </p>
          </>
        }
        confirmLabel="Deploy anyway"
        destructive
        onConfirm={() => void deployNow(true)}
      />
    </section>
  );
}
