/**
 * The Code tab's state: the deployed baseline, the edited tree, the open file. A pure reducer (tested),
 * kept per function in a module-level map so edits survive switching to the Test tab and back.
 */
import { addFile, addFolder, deletePath, renamePath, updateFileText, type CodeTree } from "./code-tree";

export interface WorkspaceState {
  /** The code as deployed (what the diff compares with). */
  baseline: CodeTree;
  /** CodeSha256 of the baseline, as Lambda reported it. */
  baselineSha: string;
  tree: CodeTree;
  openPath?: string;
  /** Bumped by every change except typing: the editor re-syncs its models only then. */
  structure: number;
}

export type WorkspaceAction =
  | { type: "open"; path: string | undefined }
  | { type: "edit"; path: string; text: string }
  | { type: "add-file"; path: string; text?: string }
  | { type: "add-folder"; path: string }
  | { type: "rename"; from: string; to: string }
  | { type: "delete"; path: string }
  /** Files dropped or uploaded as a zip: they replace the tree (the baseline stays, so the diff shows it). */
  | { type: "replace"; tree: CodeTree }
  /** Undo of a delete, or a discard: back to a given tree. */
  | { type: "restore"; tree: CodeTree; openPath?: string }
  /** `tree` (what was zipped) is now deployed as `sha`; edits made during the deploy stay edits. */
  | { type: "deployed"; tree: CodeTree; sha: string };

export function initialWorkspace(baseline: CodeTree, baselineSha: string, openPath?: string): WorkspaceState {
  return { baseline, baselineSha, tree: baseline, ...(openPath ? { openPath } : {}), structure: 0 };
}

function moved(path: string | undefined, from: string, to: string): string | undefined {
  if (path === undefined) return undefined;
  if (path === from) return to;
  return path.startsWith(`${from}/`) ? to + path.slice(from.length) : path;
}

function withOpen(state: WorkspaceState, tree: CodeTree, openPath: string | undefined): WorkspaceState {
  const open = openPath !== undefined && tree.files[openPath] ? openPath : undefined;
  const { openPath: _previous, ...rest } = state;
  return { ...rest, tree, ...(open ? { openPath: open } : {}), structure: state.structure + 1 };
}

/** Ops validate with `pathProblem` before dispatching; an invalid op that slips through is ignored. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  try {
    switch (action.type) {
      case "open": {
        const { openPath: _previous, ...rest } = state;
        return action.path && state.tree.files[action.path] ? { ...rest, openPath: action.path } : rest;
      }
      case "edit":
        return { ...state, tree: updateFileText(state.tree, action.path, action.text) };
      case "add-file": {
        const tree = addFile(state.tree, action.path, action.text ?? "");
        return withOpen(
          state,
          tree,
          Object.keys(tree.files).find((p) => !state.tree.files[p]),
        );
      }
      case "add-folder":
        return withOpen(state, addFolder(state.tree, action.path), state.openPath);
      case "rename":
        return withOpen(
          state,
          renamePath(state.tree, action.from, action.to),
          moved(state.openPath, action.from, action.to),
        );
      case "delete":
        return withOpen(state, deletePath(state.tree, action.path), state.openPath);
      case "replace":
        return withOpen(state, action.tree, state.openPath);
      case "restore":
        return withOpen(state, action.tree, action.openPath ?? state.openPath);
      case "deployed":
        return { ...state, baseline: action.tree, baselineSha: action.sha, structure: state.structure + 1 };
    }
  } catch {
    return state;
  }
}

// Drafts outlive the Code tab's component (navigation to Test and back) but not a page reload.
const drafts = new Map<string, WorkspaceState>();

export function loadDraft(functionName: string): WorkspaceState | undefined {
  return drafts.get(functionName);
}

export function saveDraft(functionName: string, state: WorkspaceState): void {
  drafts.set(functionName, state);
}

export function dropDraft(functionName: string): void {
  drafts.delete(functionName);
}
