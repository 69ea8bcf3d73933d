/** The runtimes a new function can choose, grouped the way the AWS console groups them. */
import { CURRENT_RUNTIMES, runtimeFamily, type RuntimeFamily } from "@/lib/lambda-model/runtimes";

export const FAMILY_LABEL: Record<RuntimeFamily, string> = {
  nodejs: "Node.js",
  python: "Python",
  provided: "OS-only runtime",
  java: "Java",
  dotnet: ".NET",
  ruby: "Ruby",
  go: "Go",
  other: "Other",
};

export function runtimeGroups(): { family: RuntimeFamily; label: string; runtimes: string[] }[] {
  const groups = new Map<RuntimeFamily, string[]>();
  for (const runtime of CURRENT_RUNTIMES) {
    const family = runtimeFamily(runtime);
    groups.set(family, [...(groups.get(family) ?? []), runtime]);
  }
  return [...groups].map(([family, runtimes]) => ({ family, label: FAMILY_LABEL[family], runtimes }));
}

/** Whether a new function of this runtime gets starter code that runs (compiled runtimes get a README). */
export function hasRunnableStarter(runtime: string): boolean {
  return ["nodejs", "python", "ruby", "provided"].includes(runtimeFamily(runtime));
}
