"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { routes, type FunctionTab } from "@/lib/routes";
import { cn } from "@/lib/utils";

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

/** Tabs are routes (shareable URLs, back button), so they are links in a nav, not an ARIA tablist. */
export function FunctionTabs({ name }: { name: string }) {
  const pathname = usePathname();
  return (
    <div className="border-b">
      <nav
        aria-label="Function sections"
        className="mx-auto flex w-full max-w-[90rem] gap-1 overflow-x-auto px-4 md:px-8"
      >
        {FUNCTION_TABS.map(({ tab, label }) => {
          const href = routes.function(name, tab);
          // A tab stays current on its sub-pages (an invocation record under Invocations).
          const active = pathname === href || (tab !== "overview" && pathname.startsWith(`${href}/`));
          return (
            <Link
              key={tab}
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "focus-visible:ring-ring/50 relative -mb-px flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px]",
                active
                  ? "border-primary text-foreground font-medium"
                  : "text-muted-foreground hover:text-foreground border-transparent",
              )}
            >
              {label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
