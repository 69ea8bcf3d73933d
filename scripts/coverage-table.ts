/**
 * Writes the README's API coverage table (one row per action of the reference) from the detailed notes in
 * docs/api-coverage.md, between the `coverage:start` / `coverage:end` markers. `npm run docs:coverage`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { actionNames } from "../lib/lambda-model/model";

const root = resolve(import.meta.dirname, "..");

export interface CoverageRow {
  action: string;
  status: string;
  family: string;
  note: string;
}

/** The per-action rows of docs/api-coverage.md (a row may name several actions, "A / B" or "A, B"). */
export function coverageRows(markdown: string): CoverageRow[] {
  const known = new Set<string>(actionNames);
  const rows: CoverageRow[] = [];
  let family = "";
  for (const line of markdown.split("\n")) {
    const heading = /^## (.+?)(?: — .*)?$/.exec(line);
    if (heading?.[1]) family = heading[1];
    const cells = /^\| ([^|]+?) \| ([^|]+?) \| (.+) \|$/.exec(line);
    if (!cells) continue;
    const [, names = "", status = "", note = ""] = cells;
    for (const name of names.split(/\s*(?:\/|,)\s*/)) {
      const action = name.trim();
      if (known.has(action) && !rows.some((r) => r.action === action)) rows.push({ action, status, family, note });
    }
  }
  return rows;
}

/** First sentence of a note, shortened for a table cell. */
function brief(note: string): string {
  const first = note.split(/(?<=\.)\s/)[0] ?? note;
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

export function coverageTable(rows: CoverageRow[]): string {
  const order = new Map<string, number>(actionNames.map((a, i) => [a, i]));
  const sorted = [...rows].sort(
    (a, b) => a.family.localeCompare(b.family) || (order.get(a.action) ?? 0) - (order.get(b.action) ?? 0),
  );
  const lines = [
    "| Action | Family | Status | Behaviour (details in docs/api-coverage.md) |",
    "| --- | --- | --- | --- |",
  ];
  for (const r of sorted) lines.push(`| ${r.action} | ${r.family} | ${r.status} | ${brief(r.note)} |`);
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = coverageRows(readFileSync(join(root, "docs", "api-coverage.md"), "utf8"));
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const start = "<!-- coverage:start -->";
  const end = "<!-- coverage:end -->";
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) throw new Error("README.md lacks the coverage markers");
  writeFileSync(readmePath, `${readme.slice(0, i + start.length)}\n${coverageTable(rows)}\n${readme.slice(j)}`);
  console.log(`README coverage table: ${rows.length} of ${actionNames.length} actions`);
}
