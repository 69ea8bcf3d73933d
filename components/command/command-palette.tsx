"use client";

import { notifyManager, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useTheme } from "next-themes";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  BoxIcon,
  CornerDownRightIcon,
  LoaderCircleIcon,
  MonitorIcon,
  MoonIcon,
  PlugIcon,
  PlusIcon,
  SearchIcon,
  SunIcon,
} from "lucide-react";
import { ConnectionDot } from "@/components/connections/connection-dot";
import { useSwitchTo } from "@/components/connections/use-switch-connection";
import { tabsOf } from "@/components/functions/function-tab-list";
import { NAV_FOOTER, NAV_PRIMARY, NAV_RESOURCES } from "@/components/layout/nav-items";
import { Kbd } from "@/components/ui/kbd";
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandShortcut,
} from "@/components/ui/command";
import { endpointHost, type ConnectionChoices } from "@/lib/connection";
import { functionOptions, functionsListOptions } from "@/lib/queries/functions";
import { routes } from "@/lib/routes";
import { functionOfPath } from "./function-of-path";

const noSubscription = () => () => {};

/** ⌘K on macOS, Ctrl+K elsewhere — both work everywhere, the label follows the platform. */
function useModifierLabel(): string {
  return useSyncExternalStore(
    noSubscription,
    () => (/Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl"),
    () => "Ctrl",
  );
}

/**
 * The keyboard way around the console (Ctrl/⌘+K): jump to any page, function or function section, create a
 * function, switch the connection or the theme. Functions come from the list query the Functions page
 * shares, fetched when the palette first opens.
 */
export function CommandPalette({ choices }: { choices: ConnectionChoices }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const router = useRouter();
  const pathname = usePathname();
  const { setTheme } = useTheme();
  const { switchTo } = useSwitchTo();
  const modifier = useModifierLabel();
  const functions = useInfiniteQuery({ ...functionsListOptions(), enabled: open });
  const names = functions.data?.pages.flatMap((p) => p.Functions.map((f) => f.FunctionName ?? "")) ?? [];
  const current = functionOfPath(pathname);
  // The open function's tabs as its page shows them (read from the cache its page filled, never fetched).
  // Read without useQuery: an observer here would add the query to the cache, empty, before the function
  // layout's HydrationBoundary runs — which then hydrates it only in an effect, so the server rendered
  // every function page's skeleton and the browser its data (hydration error #418). Changes are batched
  // as useQuery batches them, since hydration writes to the cache while other components render.
  const queryClient = useQueryClient();
  const currentConfig = useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(notifyManager.batchCalls(onChange)),
    () => (current ? queryClient.getQueryData(functionOptions(current).queryKey)?.Configuration : undefined),
    () => undefined,
  );
  const currentTabs = tabsOf(current && currentConfig ? Boolean(currentConfig.DurableConfig) : undefined);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setOpen((o) => !o);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  function run(action: () => void) {
    setOpen(false);
    setSearch("");
    action();
  }
  const go = (href: string) => run(() => router.push(href));

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Go to…"
        title={`Go to… (${modifier}+K)`}
        className="bg-background text-muted-foreground hover:bg-accent/60 focus-visible:ring-ring/50 flex size-8 items-center justify-center gap-2 rounded-md border text-xs transition-colors outline-none focus-visible:ring-[3px] lg:w-56 lg:justify-start lg:px-2.5"
      >
        <SearchIcon className="size-3.5 shrink-0" aria-hidden />
        {/* Below lg the header has room for the icon only; the palette is the same. */}
        <span className="hidden flex-1 text-left lg:inline">Go to…</span>
        <span className="hidden items-center gap-2 lg:flex" aria-hidden>
          <Kbd>{modifier}</Kbd>
          <Kbd>K</Kbd>
        </span>
      </button>
      <CommandDialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setSearch("");
        }}
        title="Command palette"
        description="Jump to a page or a function, or run a command."
        showCloseButton={false}
        className="top-[20%] translate-y-0 sm:max-w-xl"
      >
        <CommandInput placeholder="Search pages, functions and commands…" value={search} onValueChange={setSearch} />
        <CommandList className="max-h-[min(26rem,60vh)]">
          <CommandEmpty>Nothing matches “{search}”.</CommandEmpty>
          {current ? (
            <CommandGroup heading={current}>
              {currentTabs.map(({ tab, label }) => (
                <CommandItem key={tab} value={`${current} ${label}`} onSelect={() => go(routes.function(current, tab))}>
                  <CornerDownRightIcon aria-hidden />
                  {label}
                </CommandItem>
              ))}
            </CommandGroup>
          ) : null}
          <CommandGroup heading="Functions">
            {names.map((name) => (
              <CommandItem key={name} value={`function ${name}`} onSelect={() => go(routes.function(name))}>
                <BoxIcon aria-hidden />
                <span className="truncate font-mono text-[0.8125rem]">{name}</span>
              </CommandItem>
            ))}
            {functions.isFetching && names.length === 0 ? (
              <CommandItem disabled value="loading functions">
                <LoaderCircleIcon className="animate-spin" aria-hidden /> Loading functions…
              </CommandItem>
            ) : null}
            {functions.hasNextPage && search.trim() ? (
              <CommandItem
                value={`function search ${search}`}
                onSelect={() => go(routes.functions({ q: search.trim() }))}
              >
                <SearchIcon aria-hidden />
                Search all functions for “{search.trim()}”
              </CommandItem>
            ) : null}
          </CommandGroup>
          <CommandGroup heading="Go to">
            {[...NAV_PRIMARY, ...NAV_RESOURCES, ...NAV_FOOTER].map((item) => (
              <CommandItem key={item.href} value={`go ${item.label}`} onSelect={() => go(item.href)}>
                <item.icon aria-hidden />
                {item.label}
              </CommandItem>
            ))}
          </CommandGroup>
          <CommandGroup heading="Commands">
            <CommandItem value="create function new" onSelect={() => go(routes.functions({ create: true }))}>
              <PlusIcon aria-hidden />
              Create function…
              <CommandShortcut>C</CommandShortcut>
            </CommandItem>
            {choices.options
              .filter((o) => o.id !== choices.activeId)
              .map((option) => (
                <CommandItem
                  key={option.id}
                  value={`connect switch connection ${option.label} ${option.connection.endpoint}`}
                  onSelect={() => run(() => void switchTo(option.id))}
                >
                  <PlugIcon aria-hidden />
                  <span className="flex-1 truncate">Switch to {option.label}</span>
                  <span className="text-muted-foreground flex items-center gap-1.5 font-mono text-xs">
                    <ConnectionDot kind={option.connection.kind} />
                    {option.connection.kind === "aws"
                      ? option.connection.region
                      : endpointHost(option.connection.endpoint)}
                  </span>
                </CommandItem>
              ))}
            <CommandItem value="theme light" onSelect={() => run(() => setTheme("light"))}>
              <SunIcon aria-hidden /> Light theme
            </CommandItem>
            <CommandItem value="theme dark" onSelect={() => run(() => setTheme("dark"))}>
              <MoonIcon aria-hidden /> Dark theme
            </CommandItem>
            <CommandItem value="theme system" onSelect={() => run(() => setTheme("system"))}>
              <MonitorIcon aria-hidden /> System theme
            </CommandItem>
          </CommandGroup>
        </CommandList>
      </CommandDialog>
    </>
  );
}
