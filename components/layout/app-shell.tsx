"use client";

import { useFocusReturn } from "./use-focus-return";
import { useShortcut } from "./use-shortcut";
import type { ConnectionChoices, Connection } from "@/lib/connection";
import { CommandPalette } from "@/components/command/command-palette";
import { ConnectionMenu } from "@/components/connections/connection-menu";
import { Brand } from "./brand";
import { ConnectionProvider } from "./connection-context";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { ThemeToggle } from "./theme-toggle";

/** Pages mark their search box with this attribute; `/` focuses it from anywhere on the page. */
export const SEARCH_ATTRIBUTE = "data-page-search";

export function AppShell({
  connection,
  choices,
  children,
}: {
  connection: Connection;
  choices: ConnectionChoices;
  children: React.ReactNode;
}) {
  useFocusReturn();
  useShortcut("/", () => {
    const search = document.querySelector<HTMLInputElement>(`[${SEARCH_ATTRIBUTE}]`);
    search?.focus();
    search?.select();
  });

  return (
    <ConnectionProvider value={connection}>
      <div className="flex min-h-dvh">
        <a
          href="#main"
          className="bg-primary text-primary-foreground sr-only z-50 rounded-md px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <aside className="bg-sidebar border-sidebar-border sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r lg:flex">
          <div className="flex h-14 items-center px-5">
            <Brand />
          </div>
          <SidebarNav />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="bg-background/85 supports-[backdrop-filter]:bg-background/70 sticky top-0 z-30 flex h-14 items-center gap-2 border-b px-4 backdrop-blur md:px-6">
            <MobileNav />
            <div className="lg:hidden">
              <Brand />
            </div>
            <div className="ml-auto flex min-w-0 items-center gap-1.5">
              <CommandPalette choices={choices} />
              <ConnectionMenu choices={choices} />
              <ThemeToggle />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">
            {children}
          </main>
        </div>
      </div>
    </ConnectionProvider>
  );
}
