"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { activeHref, NAV_FOOTER, NAV_PRIMARY, NAV_RESOURCES, type NavItem } from "./nav-items";

function NavLink({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate?: () => void }) {
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm transition-colors outline-none",
        "focus-visible:ring-ring/50 focus-visible:ring-[3px]",
        active
          ? "bg-sidebar-accent text-sidebar-accent-foreground font-medium"
          : "text-sidebar-foreground hover:bg-sidebar-accent/60 hover:text-foreground",
      )}
    >
      <Icon className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground")} aria-hidden />
      <span className="truncate">{item.label}</span>
      {item.soon ? (
        <span className="bg-muted text-muted-foreground ml-auto rounded px-1.5 py-px text-[0.625rem]">
          soon<span className="sr-only"> (coming soon)</span>
        </span>
      ) : null}
    </Link>
  );
}

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const active = activeHref(pathname, [...NAV_PRIMARY, ...NAV_RESOURCES, ...NAV_FOOTER]);
  return (
    <nav aria-label="Console" className="flex flex-1 flex-col gap-5 px-3 py-4">
      <ul className="space-y-0.5">
        {NAV_PRIMARY.map((item) => (
          <li key={item.href}>
            <NavLink item={item} active={active === item.href} onNavigate={onNavigate} />
          </li>
        ))}
      </ul>
      <div>
        <p className="text-muted-foreground mb-1.5 px-2.5 text-[0.6875rem] font-medium tracking-wider uppercase">
          Resources
        </p>
        <ul className="space-y-0.5">
          {NAV_RESOURCES.map((item) => (
            <li key={item.href}>
              <NavLink item={item} active={active === item.href} onNavigate={onNavigate} />
            </li>
          ))}
        </ul>
      </div>
      <ul className="mt-auto space-y-0.5">
        {NAV_FOOTER.map((item) => (
          <li key={item.href}>
            <NavLink item={item} active={active === item.href} onNavigate={onNavigate} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
