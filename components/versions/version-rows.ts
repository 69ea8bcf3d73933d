/** Versions tab data → view: which aliases use each version, what publishing would do, the delete conflict. */
import type { AliasSummary, FunctionConfig, VersionSummary } from "@/lib/lambda-types";
import { percentFromWeight } from "@/components/aliases/routing-weights";

export interface AliasUse {
  name: string;
  /** The share of the alias's traffic this version gets. */
  percent: number;
}

/** Version → the aliases routing traffic to it (as primary or as weighted additional version). */
export function aliasesByVersion(aliases: AliasSummary[]): Map<string, AliasUse[]> {
  const out = new Map<string, AliasUse[]>();
  const add = (version: string, use: AliasUse) => out.set(version, [...(out.get(version) ?? []), use]);
  for (const alias of [...aliases].sort((a, b) => a.Name.localeCompare(b.Name))) {
    const extra = Object.entries(alias.AdditionalVersionWeights ?? {});
    const extraPercent = extra.reduce((sum, [, w]) => sum + percentFromWeight(w), 0);
    add(alias.FunctionVersion, { name: alias.Name, percent: Math.round((100 - extraPercent) * 10) / 10 });
    for (const [version, weight] of extra) add(version, { name: alias.Name, percent: percentFromWeight(weight) });
  }
  return out;
}

/** The newest published version, or undefined when only $LATEST exists. */
export function newestPublished(versions: VersionSummary[]): VersionSummary | undefined {
  return versions.filter((v) => /^\d+$/.test(v.Version)).sort((a, b) => Number(b.Version) - Number(a.Version))[0];
}

/**
 * Whether publishing now would probably return the newest version instead of a new one: same code, and
 * $LATEST not modified after it was published. A hint only — Lambda also compares the configuration.
 */
export function likelyUnchanged(latest: FunctionConfig, newest: VersionSummary | undefined): boolean {
  if (!newest?.CodeSha256 || newest.CodeSha256 !== latest.CodeSha256) return false;
  if (!latest.LastModified || !newest.LastModified) return false;
  return (
    Date.parse(latest.LastModified.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) <=
    Date.parse(newest.LastModified.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
  );
}

/**
 * The aliases named by DeleteFunction's conflict ("…the following aliases reference it: [prod, beta]"),
 * so the dialog can say which alias to move first.
 */
export function conflictingAliases(message: string): string[] {
  const m = /aliases? reference it:?\s*\[([^\]]*)\]/i.exec(message);
  if (!m?.[1]) return [];
  return m[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
