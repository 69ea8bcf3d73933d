import type { FunctionTab } from "@/lib/routes";

/** The function page's sections, in order (also the command palette's "go to" list). */
export const FUNCTION_TABS: { tab: FunctionTab; label: string }[] = [
  { tab: "overview", label: "Overview" },
  { tab: "code", label: "Code" },
  { tab: "test", label: "Test" },
  { tab: "invocations", label: "Invocations" },
  { tab: "durable-executions", label: "Durable executions" },
  { tab: "configuration", label: "Configuration" },
  { tab: "aliases", label: "Aliases" },
  { tab: "versions", label: "Versions" },
];

/**
 * The tabs a function has: durable executions only on a durable function (DurableConfig is set at
 * creation and never removed, so an ordinary function will never have any). While the configuration is
 * unknown (failed to load) every tab shows, rather than hiding one the function may need.
 */
export function tabsOf(durable: boolean | undefined): typeof FUNCTION_TABS {
  return durable === false ? FUNCTION_TABS.filter(({ tab }) => tab !== "durable-executions") : FUNCTION_TABS;
}
