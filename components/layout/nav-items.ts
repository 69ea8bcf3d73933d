import {
  BoxesIcon,
  CableIcon,
  CpuIcon,
  FileSignatureIcon,
  LayersIcon,
  SettingsIcon,
  type LucideIcon,
} from "lucide-react";
import { routes } from "@/lib/routes";

export interface NavItem {
  label: string;
  href: string;
  icon: LucideIcon;
  /** Sections not built yet still get a page that explains what will live there. */
  soon?: boolean;
}

export const NAV_PRIMARY: NavItem[] = [{ label: "Functions", href: routes.functions(), icon: BoxesIcon }];

export const NAV_RESOURCES: NavItem[] = [
  { label: "Layers", href: routes.layers(), icon: LayersIcon },
  { label: "Event source mappings", href: routes.eventSourceMappings(), icon: CableIcon },
  { label: "Code signing", href: routes.codeSigning(), icon: FileSignatureIcon },
  { label: "Capacity providers", href: routes.capacityProviders(), icon: CpuIcon },
];

export const NAV_FOOTER: NavItem[] = [{ label: "Settings", href: routes.settings(), icon: SettingsIcon }];

/** The nav item a path belongs to: the longest href that prefixes it. */
export function activeHref(pathname: string, items: NavItem[]): string | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
