/** Client-side search over the loaded functions: every word must match the name, runtime or description. */
import type { FunctionConfig } from "@/lib/lambda-types";

export function matchesQuery(fn: FunctionConfig, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [fn.FunctionName, fn.Runtime, fn.Description, fn.Handler].filter(Boolean).join(" ").toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function filterFunctions(functions: FunctionConfig[], query: string): FunctionConfig[] {
  return query.trim() ? functions.filter((fn) => matchesQuery(fn, query)) : functions;
}
