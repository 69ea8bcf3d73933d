import { describe, expect, it } from "vitest";
import { historyBuilder, orderHistory } from "./history-fixtures";
import { buildExecutionModel } from "./history-model";
import { ancestorsOf, FOLD_CHILDREN_OVER, initiallyCollapsed, treeMove, visibleRows } from "./timeline-rows";

const model = buildExecutionModel(orderHistory());
const ids = (rows: { span: { id: string } }[]) => rows.map((r) => r.span.id);

describe("visibleRows", () => {
  it("flattens the tree depth-first with depth and sibling positions", () => {
    const rows = visibleRows(model.roots, new Set());
    expect(ids(rows)).toEqual(["s1", "s2", "w1", "c1", "c1s", "c1cb", "p1", "p1b1", "p1b1s", "p1b2", "p1b2s"]);
    expect(rows.find((r) => r.span.id === "p1b1s")).toMatchObject({ depth: 2, position: 1, siblings: 1 });
    expect(rows.find((r) => r.span.id === "w1")).toMatchObject({ depth: 0, position: 3, siblings: 5, expanded: false });
    expect(rows.find((r) => r.span.id === "c1")?.expanded).toBe(true);
  });

  it("hides the children of collapsed contexts", () => {
    expect(ids(visibleRows(model.roots, new Set(["p1", "c1"])))).toEqual(["s1", "s2", "w1", "c1", "p1"]);
  });
});

describe("initiallyCollapsed", () => {
  it("folds only big fan-outs", () => {
    expect(initiallyCollapsed(model.roots).size).toBe(0);
    const h = historyBuilder().started(0).context(1, "m", "items", "Map", "start");
    for (let i = 0; i <= FOLD_CHILDREN_OVER; i++) h.context(2 + i, `m${i}`, undefined, "MapIteration", "start", "m");
    expect([...initiallyCollapsed(buildExecutionModel(h.events).roots)]).toEqual(["m"]);
  });
});

describe("treeMove", () => {
  const rows = visibleRows(model.roots, new Set(["p1"]));

  it("steps up and down through visible rows and stops at the ends", () => {
    expect(treeMove(rows, "s1", "ArrowDown")).toEqual({ selected: "s2" });
    expect(treeMove(rows, "c1cb", "ArrowDown")).toEqual({ selected: "p1" });
    expect(treeMove(rows, "p1", "ArrowDown")).toEqual({ selected: "p1" });
    expect(treeMove(rows, "s1", "ArrowUp")).toEqual({ selected: "s1" });
    expect(treeMove(rows, "c1", "End")).toEqual({ selected: "p1" });
    expect(treeMove(rows, "c1", "Home")).toEqual({ selected: "s1" });
  });

  it("unfolds with Right, then moves into the context", () => {
    expect(treeMove(rows, "p1", "ArrowRight")).toEqual({ selected: "p1", toggle: { id: "p1", expand: true } });
    expect(treeMove(rows, "c1", "ArrowRight")).toEqual({ selected: "c1s" });
    expect(treeMove(rows, "s1", "ArrowRight")).toEqual({ selected: "s1" });
  });

  it("folds with Left, or moves to the parent", () => {
    expect(treeMove(rows, "c1", "ArrowLeft")).toEqual({ selected: "c1", toggle: { id: "c1", expand: false } });
    expect(treeMove(rows, "c1cb", "ArrowLeft")).toEqual({ selected: "c1" });
    expect(treeMove(rows, "s1", "ArrowLeft")).toEqual({ selected: "s1" });
  });

  it("starts at the first (or last) row when nothing is selected", () => {
    expect(treeMove(rows, undefined, "ArrowDown")).toEqual({ selected: "s1" });
    expect(treeMove(rows, undefined, "ArrowUp")).toEqual({ selected: "p1" });
    expect(treeMove([], undefined, "ArrowDown")).toEqual({});
  });
});

describe("ancestorsOf", () => {
  it("lists the path from the top", () => {
    expect(ancestorsOf(model.byId, "p1b2s")).toEqual(["p1", "p1b2"]);
    expect(ancestorsOf(model.byId, "s1")).toEqual([]);
  });
});
