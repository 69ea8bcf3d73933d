/** The bench's readable table: one row per check, with its target, what was measured and the verdict. */

export interface Check {
  name: string;
  target: string;
  measured: string;
  /** PASS / FAIL against a target; INFO where there is none; N/A when it could not be measured. */
  verdict: "PASS" | "FAIL" | "INFO" | "N/A";
}

export function table(checks: Check[]): string {
  const headers = ["check", "target", "measured", "verdict"];
  const rows = checks.map((c) => [c.name, c.target, c.measured, c.verdict]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export const ms = (x: number): string => `${x.toFixed(3)} ms`;
export const verdict = (ok: boolean): "PASS" | "FAIL" => (ok ? "PASS" : "FAIL");
