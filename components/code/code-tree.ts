/**
 * The function's files as the Code tab edits them: a flat map of path → file plus explicit (possibly
 * empty) folders, and the pure operations the file tree offers. Every operation returns a new tree, so
 * React state and the dirty check (against the deployed baseline) stay simple.
 */

export interface CodeFile {
  /** Bytes as deployed (or uploaded). For text files the current content is `text`. */
  bytes: Uint8Array;
  /** Present for editable text files; binary and oversized files keep only their bytes. */
  text?: string;
  /** Why the file is not editable, when it is not. */
  opaque?: "binary" | "large";
  /** Unix permission bits recorded in the zip (0o755 keeps `bootstrap` executable). */
  mode?: number;
}

export interface CodeTree {
  files: Record<string, CodeFile>;
  /** Folders that exist without files (new, or empty in the zip); implied folders are not listed. */
  folders: string[];
}

export type TreeNode =
  { type: "folder"; name: string; path: string; children: TreeNode[] } | { type: "file"; name: string; path: string };

export class PathError extends Error {}

export const EMPTY_TREE: CodeTree = { files: {}, folders: [] };

function parentFolders(path: string): string[] {
  const parts = path.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

/** Every folder: the explicit ones and those implied by file paths. */
export function allFolders(tree: CodeTree): Set<string> {
  const out = new Set<string>();
  for (const folder of tree.folders) {
    out.add(folder);
    for (const parent of parentFolders(folder)) out.add(parent);
  }
  for (const path of Object.keys(tree.files)) for (const parent of parentFolders(path)) out.add(parent);
  return out;
}

/** Trims slashes and spaces around segments; does not validate. */
export function normalizePath(path: string): string {
  return path
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .join("/");
}

/** Why `path` cannot be created (or renamed to) in `tree`, or undefined when it can. */
export function pathProblem(tree: CodeTree, rawPath: string, ignore?: string): string | undefined {
  const path = normalizePath(rawPath);
  if (path === "") return "Enter a name.";
  if (path.includes("\\")) return "Use / to separate folders.";
  const segments = path.split("/");
  if (segments.some((s) => s === "." || s === "..")) return "Names cannot be . or ..";
  if (segments.some((s) => s.length > 255)) return "Names are at most 255 characters.";
  if (/[\u0000-\u001f]/.test(path)) return "Names cannot contain control characters.";
  const inIgnored = (p: string) => ignore !== undefined && (p === ignore || p.startsWith(`${ignore}/`));
  if (tree.files[path] && !inIgnored(path)) return `${path} already exists.`;
  if (allFolders(tree).has(path) && !inIgnored(path)) return `A folder named ${path} already exists.`;
  const fileParent = parentFolders(path).find((p) => tree.files[p] && !inIgnored(p));
  if (fileParent) return `${fileParent} is a file, not a folder.`;
  return undefined;
}

function assertFree(tree: CodeTree, path: string, ignore?: string): string {
  const problem = pathProblem(tree, path, ignore);
  if (problem) throw new PathError(problem);
  return normalizePath(path);
}

/** Drops explicit folders that are now implied by a file (or are the parent of another folder). */
function tidyFolders(files: Record<string, CodeFile>, folders: string[]): string[] {
  const implied = new Set<string>();
  for (const path of Object.keys(files)) for (const parent of parentFolders(path)) implied.add(parent);
  for (const folder of folders) for (const parent of parentFolders(folder)) implied.add(parent);
  return [...new Set(folders)].filter((f) => !implied.has(f)).sort();
}

export function addFile(tree: CodeTree, rawPath: string, text = ""): CodeTree {
  const path = assertFree(tree, rawPath);
  const files = { ...tree.files, [path]: { bytes: new Uint8Array(0), text } };
  return { files, folders: tidyFolders(files, tree.folders) };
}

export function addFolder(tree: CodeTree, rawPath: string): CodeTree {
  const path = assertFree(tree, rawPath);
  return { files: tree.files, folders: tidyFolders(tree.files, [...tree.folders, path]) };
}

export function isFolder(tree: CodeTree, path: string): boolean {
  return !tree.files[path] && allFolders(tree).has(path);
}

/** Renames (moves) a file, or a folder with everything in it. */
export function renamePath(tree: CodeTree, from: string, rawTo: string): CodeTree {
  const to = normalizePath(rawTo);
  if (to === from) return tree;
  if (to.startsWith(`${from}/`)) throw new PathError("A folder cannot move into itself.");
  assertFree(tree, to, from);
  if (tree.files[from]) {
    const { [from]: file, ...rest } = tree.files;
    const files = { ...rest, [to]: file as CodeFile };
    return { files, folders: tidyFolders(files, tree.folders) };
  }
  if (!allFolders(tree).has(from)) throw new PathError(`${from} does not exist.`);
  const move = (p: string) => (p === from ? to : p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
  const files: Record<string, CodeFile> = {};
  for (const [path, file] of Object.entries(tree.files)) files[move(path)] = file;
  // A moved folder that was only implied must stay visible even if it holds nothing but subfolders.
  return { files, folders: tidyFolders(files, [...tree.folders.map(move), to]) };
}

/** Deletes a file, or a folder with everything in it. */
export function deletePath(tree: CodeTree, path: string): CodeTree {
  const inside = (p: string) => p === path || p.startsWith(`${path}/`);
  const files = Object.fromEntries(Object.entries(tree.files).filter(([p]) => !inside(p)));
  // Deleting the last file of a folder keeps the folder (as the user still sees it), like an editor would.
  const keep = tree.files[path] ? parentFolders(path).slice(-1) : [];
  return { files, folders: tidyFolders(files, [...tree.folders.filter((f) => !inside(f)), ...keep]) };
}

export function updateFileText(tree: CodeTree, path: string, text: string): CodeTree {
  const file = tree.files[path];
  if (!file || file.text === undefined || file.text === text) return tree;
  return { ...tree, files: { ...tree.files, [path]: { ...file, text } } };
}

const byFolderThenName = (a: TreeNode, b: TreeNode) =>
  a.type !== b.type ? (a.type === "folder" ? -1 : 1) : a.name.localeCompare(b.name, undefined, { numeric: true });

/** The nested view of the flat tree: folders first, then files, each sorted by name. */
export function buildTree(tree: CodeTree): TreeNode[] {
  const root: TreeNode[] = [];
  const folderNodes = new Map<string, TreeNode[]>([["", root]]);
  const ensureFolder = (path: string): TreeNode[] => {
    const existing = folderNodes.get(path);
    if (existing) return existing;
    const slash = path.lastIndexOf("/");
    const parent = ensureFolder(slash < 0 ? "" : path.slice(0, slash));
    const children: TreeNode[] = [];
    parent.push({ type: "folder", name: path.slice(slash + 1), path, children });
    folderNodes.set(path, children);
    return children;
  };
  for (const folder of [...allFolders(tree)].sort()) ensureFolder(folder);
  for (const path of Object.keys(tree.files)) {
    const slash = path.lastIndexOf("/");
    ensureFolder(slash < 0 ? "" : path.slice(0, slash)).push({ type: "file", name: path.slice(slash + 1), path });
  }
  const sort = (nodes: TreeNode[]) => {
    nodes.sort(byFolderThenName);
    for (const n of nodes) if (n.type === "folder") sort(n.children);
  };
  sort(root);
  return root;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface TreeChanges {
  added: string[];
  modified: string[];
  deleted: string[];
  /** Folders created or removed (files inside them are counted above). */
  folders: boolean;
}

/** What deploying `current` would change relative to the deployed `baseline`. */
export function diffTrees(baseline: CodeTree, current: CodeTree): TreeChanges {
  const added: string[] = [];
  const modified: string[] = [];
  for (const [path, file] of Object.entries(current.files)) {
    const before = baseline.files[path];
    if (!before) added.push(path);
    else if (file.text !== undefined ? file.text !== before.text : !sameBytes(file.bytes, before.bytes)) {
      modified.push(path);
    }
  }
  const deleted = Object.keys(baseline.files).filter((p) => !current.files[p]);
  const a = allFolders(baseline);
  const b = allFolders(current);
  const folders = a.size !== b.size || [...a].some((f) => !b.has(f));
  return { added: added.sort(), modified: modified.sort(), deleted: deleted.sort(), folders };
}

export function hasChanges(changes: TreeChanges): boolean {
  return changes.added.length + changes.modified.length + changes.deleted.length > 0 || changes.folders;
}

/** Paths (files and their folders) to mark as changed in the tree view. */
export function changedPaths(changes: TreeChanges): Set<string> {
  const out = new Set<string>();
  for (const path of [...changes.added, ...changes.modified]) {
    out.add(path);
    for (const parent of parentFolders(path)) out.add(parent);
  }
  for (const path of changes.deleted) for (const parent of parentFolders(path)) out.add(parent);
  return out;
}

/** Total size of the files once unzipped, as Lambda counts it against the 250 MB limit. */
export function unzippedSize(tree: CodeTree): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const file of Object.values(tree.files)) {
    total += file.text !== undefined ? encoder.encode(file.text).length : file.bytes.length;
  }
  return total;
}
