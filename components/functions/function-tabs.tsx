"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { functionOptions } from "@/lib/queries/functions";
import { routes } from "@/lib/routes";
import { tabsOf } from "./function-tab-list";
import { cn } from "@/lib/utils";

/** Tabs are routes (shareable URLs, back button), so they are links in a nav, not an ARIA tablist. */
export function FunctionTabs({ name }: { name: string }) {
  const pathname = usePathname();
  // The header's query (hydrated by the layout): no second request.
  const config = useQuery(functionOptions(name)).data?.Configuration;
  const tabs = tabsOf(config ? Boolean(config.DurableConfig) : undefined);
  return (
    <div className="border-b">
      <nav
        aria-label="Function sections"
        className="mx-auto flex w-full max-w-[90rem] gap-1 overflow-x-auto px-4 md:px-8"
      >
        {tabs.map(({ tab, label }) => {
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
