/**
 * Alias routing between the API's shape (a primary version plus `AdditionalVersionWeights`, weights 0–1)
 * and what people read and edit (percentages that add up to 100).
 */

export interface RoutingShare {
  version: string;
  /** 0–100, one decimal at most. */
  percent: number;
  primary: boolean;
}

/** 0.1 → 10, 0.3333 → 33.3 (one decimal is all the split bar and the slider show). */
export function percentFromWeight(weight: number): number {
  return Math.round(Math.min(1, Math.max(0, weight)) * 1000) / 10;
}

/** 10 → 0.1; clamped to 0–100 and kept to the slider's precision so no float noise reaches the API. */
export function weightFromPercent(percent: number): number {
  const clamped = Math.min(100, Math.max(0, percent));
  return Math.round(clamped * 10) / 1000;
}

/** Primary first, then the additional version; the primary gets what the others leave. */
export function routingShares(primary: string, weights: Record<string, number> | undefined): RoutingShare[] {
  const extra = Object.entries(weights ?? {}).map(([version, w]) => ({
    version,
    percent: percentFromWeight(w),
    primary: false,
  }));
  const rest = Math.round((100 - extra.reduce((sum, s) => sum + s.percent, 0)) * 10) / 10;
  return [{ version: primary, percent: Math.max(0, rest), primary: true }, ...extra];
}

export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** "1 → 90% · 2 → 10%", or "3 → 100%" for a plain alias. */
export function formatRouting(shares: RoutingShare[]): string {
  return shares.map((s) => `${s.version} → ${formatPercent(s.percent)}`).join(" · ");
}

/** The routing part of the alias form. */
export interface RoutingForm {
  enabled: boolean;
  additionalVersion: string;
  /** Traffic share of the additional version, 0–100. */
  percent: number;
}

export function routingFormFromWeights(weights: Record<string, number> | undefined): RoutingForm {
  const first = Object.entries(weights ?? {})[0];
  return first
    ? { enabled: true, additionalVersion: first[0], percent: percentFromWeight(first[1]) }
    : { enabled: false, additionalVersion: "", percent: 10 };
}

/** `{}` when routing is off (which UpdateAlias reads as "remove weighted routing"). */
export function weightsFromRoutingForm(form: RoutingForm): Record<string, number> {
  if (!form.enabled || !form.additionalVersion) return {};
  return { [form.additionalVersion]: weightFromPercent(form.percent) };
}
