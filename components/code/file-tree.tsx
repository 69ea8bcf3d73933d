"use client";

import { useMemo, useRef, useState } from "react";
import {
  ChevronRightIcon,
  EllipsisIcon,
  FileCodeIcon,
  FileIcon,
  FileJsonIcon,
  FilePlusIcon,
  FileTextIcon,
  FolderIcon,
  FolderOpenIcon,
  FolderPlusIcon,
  LambdaIcon,
  PencilIcon,
  Trash2Icon,
} from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import type { CodeTree, TreeNode } from "./code-tree";
import { buildTree } from "./code-tree";

export type FileChange = "added" | "modified";

/** An inline name field in the tree: a new file or folder inside `parent`, or a rename of `path`. */
export type TreeEdit =
  { kind: "new-file" | "new-folder"; parent: string } | { kind: "rename"; path: string; isFolder: boolean };

interface VisibleRow {
  node: TreeNode;
  level: number;
}

function flatten(nodes: TreeNode[], expanded: Set<string>, level = 1, out: VisibleRow[] = []): VisibleRow[] {
  for (const node of nodes) {
    out.push({ node, level });
    if (node.type === "folder" && expanded.has(node.path)) flatten(node.children, expanded, level + 1, out);
  }
  return out;
}

function iconFor(name: string) {
  if (/\.(m|c)?[jt]sx?$/.test(name) || /\.(py|rb|go|rs|java|cs|sh)$/.test(name) || name === "bootstrap")
    return FileCodeIcon;
  if (name.endsWith(".json")) return FileJsonIcon;
  if (/\.(md|txt|ya?ml|toml|ini|cfg|env)$/.test(name)) return FileTextIcon;
  return FileIcon;
}

function NameField({
  label,
  initial,
  level,
  error,
  onChange,
  onCommit,
  onCancel,
}: {
  label: string;
  initial: string;
  level: number;
  error?: string;
  onChange: (value: string) => void;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <div className="py-0.5 pr-2" style={{ paddingLeft: `${level * 12 + 6}px` }}>
      <input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        value={value}
        onFocus={(e) => {
          // Select the name without its extension, like editors do for renames.
          const dot = e.target.value.lastIndexOf(".");
          const slash = e.target.value.lastIndexOf("/");
          e.target.setSelectionRange(slash + 1, dot > slash + 1 ? dot : e.target.value.length);
        }}
        onChange={(e) => {
          setValue(e.target.value);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onCommit(value);
          } else if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          }
        }}
        onBlur={() => (value.trim() && !error ? onCommit(value) : onCancel())}
        className={cn(
          "bg-background focus-visible:ring-ring/50 h-7 w-full rounded-sm border px-1.5 font-mono text-xs outline-none focus-visible:ring-[3px]",
          error && "border-destructive",
        )}
      />
      {error ? <p className="text-destructive mt-1 text-xs">{error}</p> : null}
    </div>
  );
}

export function FileTree({
  tree,
  changes,
  openPath,
  handlerFile,
  edit,
  editError,
  onOpen,
  onStartEdit,
  onEditChange,
  onCommitEdit,
  onCancelEdit,
  onDelete,
}: {
  tree: CodeTree;
  /** Changed files (added / modified) and folders containing changes. */
  changes: Map<string, FileChange | "folder">;
  openPath: string | undefined;
  handlerFile: string | undefined;
  edit: TreeEdit | undefined;
  editError: string | undefined;
  onOpen: (path: string) => void;
  onStartEdit: (edit: TreeEdit) => void;
  onEditChange: (value: string) => void;
  onCommitEdit: (value: string) => void;
  onCancelEdit: () => void;
  onDelete: (path: string, isFolder: boolean) => void;
}) {
  const nodes = useMemo(() => buildTree(tree), [tree]);
  // Small packages open fully; big ones (node_modules) start collapsed.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => {
    const folders: string[] = [];
    const walk = (ns: TreeNode[]) =>
      ns.forEach((n) => {
        if (n.type === "folder") {
          folders.push(n.path);
          walk(n.children);
        }
      });
    walk(nodes);
    return new Set(folders.length > 20 ? folders : folders.filter((f) => f.split("/").includes("node_modules")));
  });
  const expanded = useMemo(() => {
    const all = new Set<string>();
    const walk = (ns: TreeNode[]) =>
      ns.forEach((n) => {
        if (n.type === "folder") {
          if (!collapsed.has(n.path)) all.add(n.path);
          walk(n.children);
        }
      });
    walk(nodes);
    // The open file's folders are always shown, and so is a folder getting a new child.
    for (const p of [openPath, edit?.kind !== "rename" ? `${edit?.parent ?? ""}/x` : undefined]) {
      if (!p) continue;
      const parts = p.split("/");
      for (let i = 1; i < parts.length; i++) all.add(parts.slice(0, i).join("/"));
    }
    return all;
  }, [nodes, collapsed, openPath, edit]);
  const rows = useMemo(() => flatten(nodes, expanded), [nodes, expanded]);
  const [focused, setFocused] = useState<string | undefined>(openPath);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const focusPath = focused && rows.some((r) => r.node.path === focused) ? focused : (openPath ?? rows[0]?.node.path);

  function toggle(path: string, open?: boolean) {
    setCollapsed((c) => {
      const next = new Set(c);
      const isOpen = !c.has(path);
      if (open ?? !isOpen) next.delete(path);
      else next.add(path);
      return next;
    });
  }

  function move(path: string) {
    setFocused(path);
    refs.current.get(path)?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent, row: VisibleRow, index: number) {
    const node = row.node;
    const isFolder = node.type === "folder";
    const next = rows[index + 1];
    const previous = rows[index - 1];
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (next) move(next.node.path);
        break;
      case "ArrowUp":
        e.preventDefault();
        if (previous) move(previous.node.path);
        break;
      case "ArrowRight":
        e.preventDefault();
        if (isFolder && !expanded.has(node.path)) toggle(node.path, true);
        else if (isFolder && next) move(next.node.path);
        break;
      case "ArrowLeft": {
        e.preventDefault();
        if (isFolder && expanded.has(node.path)) toggle(node.path, false);
        else {
          const parent = node.path.split("/").slice(0, -1).join("/");
          if (parent) move(parent);
        }
        break;
      }
      case "Enter":
      case " ":
        e.preventDefault();
        if (isFolder) toggle(node.path);
        else onOpen(node.path);
        break;
      case "F2":
        e.preventDefault();
        onStartEdit({ kind: "rename", path: node.path, isFolder });
        break;
      case "Delete":
        e.preventDefault();
        onDelete(node.path, isFolder);
        break;
    }
  }

  const editRow = (level: number) =>
    edit && edit.kind !== "rename" ? (
      <NameField
        key={`edit-${edit.kind}-${edit.parent}`}
        label={edit.kind === "new-file" ? "New file name" : "New folder name"}
        initial=""
        level={level}
        {...(editError ? { error: editError } : {})}
        onChange={onEditChange}
        onCommit={onCommitEdit}
        onCancel={onCancelEdit}
      />
    ) : null;

  return (
    <div role="tree" aria-label="Files" className="py-1 text-sm select-none">
      {edit && edit.kind !== "rename" && edit.parent === "" ? editRow(0) : null}
      {rows.map((row, index) => {
        const { node, level } = row;
        const isFolder = node.type === "folder";
        const isOpen = isFolder && expanded.has(node.path);
        const change = changes.get(node.path);
        const file = isFolder ? undefined : tree.files[node.path];
        const Icon = isFolder ? (isOpen ? FolderOpenIcon : FolderIcon) : iconFor(node.name);
        const isHandler = !isFolder && node.path === handlerFile;
        if (edit?.kind === "rename" && edit.path === node.path) {
          return (
            <NameField
              key={`rename-${node.path}`}
              label={`Rename ${node.name}`}
              initial={node.path}
              level={level - 1}
              {...(editError ? { error: editError } : {})}
              onChange={onEditChange}
              onCommit={onCommitEdit}
              onCancel={onCancelEdit}
            />
          );
        }
        const label = `${node.name}${change === "added" ? ", added" : change === "modified" ? ", modified" : change === "folder" ? ", contains changes" : ""}${isHandler ? ", handler" : ""}${file?.opaque ? `, ${file.opaque}` : ""}`;
        return (
          <div key={node.path} role="none">
            <div
              ref={(el) => {
                if (el) refs.current.set(node.path, el);
                else refs.current.delete(node.path);
              }}
              role="treeitem"
              aria-level={level}
              aria-label={label}
              aria-expanded={isFolder ? isOpen : undefined}
              aria-selected={!isFolder ? node.path === openPath : undefined}
              tabIndex={node.path === focusPath ? 0 : -1}
              onFocus={() => setFocused(node.path)}
              onKeyDown={(e) => onKeyDown(e, row, index)}
              onClick={() => (isFolder ? toggle(node.path) : onOpen(node.path))}
              className={cn(
                "group focus-visible:ring-ring/60 relative flex h-7 cursor-pointer items-center gap-1.5 pr-1 outline-none focus-visible:ring-2 focus-visible:ring-inset",
                node.path === openPath ? "bg-accent text-accent-foreground" : "hover:bg-muted",
              )}
              style={{ paddingLeft: `${(level - 1) * 12 + 6}px` }}
            >
              {isFolder ? (
                <ChevronRightIcon
                  className={cn("text-muted-foreground size-3.5 shrink-0 transition-transform", isOpen && "rotate-90")}
                  aria-hidden
                />
              ) : (
                <span className="w-3.5 shrink-0" aria-hidden />
              )}
              <Icon
                className={cn("size-4 shrink-0", isFolder ? "text-primary/70" : "text-muted-foreground")}
                aria-hidden
              />
              <span
                className={cn(
                  "min-w-0 flex-1 truncate font-mono text-[0.8125rem]",
                  file?.opaque && "text-muted-foreground",
                  change === "added" && "text-success",
                  change === "modified" && "text-warning",
                )}
              >
                {node.name}
              </span>
              {isHandler ? (
                <span
                  className="text-primary border-primary/30 bg-primary/5 inline-flex size-4 shrink-0 items-center justify-center rounded border"
                  title="The configured handler's file"
                  aria-hidden
                >
                  <LambdaIcon className="size-2.5" />
                </span>
              ) : null}
              {change === "added" || change === "modified" ? (
                <span
                  className={cn(
                    "w-3 text-center font-mono text-[0.6875rem] font-semibold",
                    change === "added" ? "text-success" : "text-warning",
                  )}
                  title={change === "added" ? "Added (not deployed)" : "Modified (not deployed)"}
                  aria-hidden
                >
                  {change === "added" ? "A" : "M"}
                </span>
              ) : change === "folder" ? (
                <span className="bg-warning mr-1 size-1.5 rounded-full" title="Contains changes" aria-hidden />
              ) : null}
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    tabIndex={-1}
                    aria-label={`Actions for ${node.name}`}
                    className="size-6 opacity-0 group-hover:opacity-100 focus-visible:opacity-100 data-[state=open]:opacity-100"
                    onClick={(e) => e.stopPropagation()}
                  >
                    <EllipsisIcon className="size-3.5" aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="start" onClick={(e) => e.stopPropagation()}>
                  {isFolder ? (
                    <>
                      <DropdownMenuItem onSelect={() => onStartEdit({ kind: "new-file", parent: node.path })}>
                        <FilePlusIcon aria-hidden /> New file here
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => onStartEdit({ kind: "new-folder", parent: node.path })}>
                        <FolderPlusIcon aria-hidden /> New folder here
                      </DropdownMenuItem>
                      <DropdownMenuSeparator />
                    </>
                  ) : null}
                  <DropdownMenuItem onSelect={() => onStartEdit({ kind: "rename", path: node.path, isFolder })}>
                    <PencilIcon aria-hidden /> Rename / move…
                  </DropdownMenuItem>
                  <DropdownMenuItem variant="destructive" onSelect={() => onDelete(node.path, isFolder)}>
                    <Trash2Icon aria-hidden /> Delete
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </div>
            {isFolder && isOpen && edit && edit.kind !== "rename" && edit.parent === node.path ? editRow(level) : null}
          </div>
        );
      })}
    </div>
  );
}
