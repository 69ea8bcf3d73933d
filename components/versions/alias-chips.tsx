import Link from "next/link";
import { TagIcon } from "lucide-react";
import { formatPercent } from "@/components/aliases/routing-weights";
import { routes } from "@/lib/routes";
import type { AliasUse } from "./version-rows";

/** The aliases that send traffic to a version, each with its share when the alias splits traffic. */
export function AliasChips({ name, uses }: { name: string; uses: AliasUse[] }) {
  if (uses.length === 0) return <span className="text-muted-foreground/70">—</span>;
  return (
    <ul className="flex min-w-40 flex-wrap gap-1" aria-label="Aliases">
      {uses.map((use) => (
        <li key={use.name}>
          <Link
            href={routes.function(name, "aliases")}
            className="bg-accent text-accent-foreground border-primary/20 hover:border-primary/50 focus-visible:ring-ring/50 inline-flex h-5 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap outline-none focus-visible:ring-[3px]"
          >
            <TagIcon className="size-3" aria-hidden />
            {use.name}
            {use.percent < 100 ? <span className="tabular opacity-75">{formatPercent(use.percent)}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
