/**
 * The timeline's rows: the operation tree flattened to what is visible (collapsed contexts hide their
 * children), and how the arrow keys move through it — the WAI-ARIA tree pattern, kept pure for tests.
 */
import type { OperationSpan } from "./history-model";

export interface TimelineRow {
  span: OperationSpan;
  /** 0 for top-level operations. */
  depth: number;
  expanded: boolean;
  /** Position among its siblings, 1-based, and how many siblings (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

export function visibleRows(roots: readonly OperationSpan[], collapsed: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const add = (spans: readonly OperationSpan[], depth: number) => {
    spans.forEach((span, i) => {
      const expanded = span.children.length > 0 && !collapsed.has(span.id);
      rows.push({ span, depth, expanded, position: i + 1, siblings: spans.length });
      if (expanded) add(span.children, depth + 1);
    });
  };
  add(roots, 0);
  return rows;
}

/** Big fan-outs start folded: a map over 500 items should not bury the rest of the execution. */
export const FOLD_CHILDREN_OVER = 25;

export function initiallyCollapsed(roots: readonly OperationSpan[]): Set<string> {
  const out = new Set<string>();
  const visit = (spans: readonly OperationSpan[]) => {
    for (const span of spans) {
      if (span.children.length > FOLD_CHILDREN_OVER) out.add(span.id);
      visit(span.children);
    }
  };
  visit(roots);
  return out;
}

export type TreeKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End";

export interface TreeMove {
  /** The row to select now. */
  selected?: string;
  /** A context to fold or unfold. */
  toggle?: { id: string; expand: boolean };
}

/**
 * What a key does in the tree: Up/Down step through visible rows; Right unfolds a folded context, or
 * moves into an unfolded one; Left folds an unfolded context, or moves to the parent; Home/End jump.
 */
export function treeMove(rows: readonly TimelineRow[], current: string | undefined, key: TreeKey): TreeMove {
  if (rows.length === 0) return {};
  const index = current === undefined ? -1 : rows.findIndex((r) => r.span.id === current);
  const first = rows[0]!.span.id;
  const last = rows[rows.length - 1]!.span.id;
  if (index < 0) return { selected: key === "End" || key === "ArrowUp" ? last : first };
  const row = rows[index]!;
  switch (key) {
    case "ArrowDown":
      return { selected: rows[Math.min(rows.length - 1, index + 1)]!.span.id };
    case "ArrowUp":
      return { selected: rows[Math.max(0, index - 1)]!.span.id };
    case "Home":
      return { selected: first };
    case "End":
      return { selected: last };
    case "ArrowRight":
      if (row.span.children.length === 0) return { selected: row.span.id };
      if (!row.expanded) return { selected: row.span.id, toggle: { id: row.span.id, expand: true } };
      return { selected: row.span.children[0]!.id };
    case "ArrowLeft":
      if (row.expanded) return { selected: row.span.id, toggle: { id: row.span.id, expand: false } };
      return { selected: row.span.parentId ?? row.span.id };
  }
}

/** The ids of an operation's ancestors, outermost first: to unfold the path to a row chosen elsewhere. */
export function ancestorsOf(byId: ReadonlyMap<string, OperationSpan>, id: string): string[] {
  const out: string[] = [];
  let parent = byId.get(id)?.parentId;
  while (parent && !out.includes(parent)) {
    out.unshift(parent);
    parent = byId.get(parent)?.parentId;
  }
  return out;
}
