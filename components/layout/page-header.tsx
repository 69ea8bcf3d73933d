import Link from "next/link";
import { ChevronRightIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** Page title row: the h1, an optional one-line description, and the page's primary actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  className,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap items-end justify-between gap-x-6 gap-y-3", className)}>
      <div className="min-w-0 space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

/** The content column every console page uses: one max width, one padding. */
export function PageContainer({ className, children }: { className?: string; children: React.ReactNode }) {
  return <div className={cn("mx-auto w-full max-w-[90rem] px-4 py-6 md:px-8 md:py-8", className)}>{children}</div>;
}

/** "Functions › my-function" above a resource's title: the list it belongs to, then the page itself. */
export function Breadcrumb({ parent, href, current }: { parent: string; href: string; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-muted-foreground flex items-center gap-1 text-xs">
      <Link href={href} className="hover:text-foreground rounded-sm hover:underline">
        {parent}
      </Link>
      <ChevronRightIcon className="size-3" aria-hidden />
      <span className="text-foreground truncate" aria-current="page">
        {current}
      </span>
    </nav>
  );
}
