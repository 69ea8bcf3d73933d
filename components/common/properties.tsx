import { cn } from "@/lib/utils";

/** A titled card of label → value rows: the overview's building block. */
export function PropertyCard({
  title,
  action,
  className,
  children,
}: {
  title: string;
  action?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={cn("bg-card rounded-lg border", className)}>
      <div className="flex items-center justify-between gap-4 border-b px-5 py-3">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {action}
      </div>
      <dl className="divide-y">{children}</dl>
    </section>
  );
}

export function Property({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("grid grid-cols-[10rem_minmax(0,1fr)] items-baseline gap-4 px-5 py-2.5 text-sm", className)}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** A property value in monospace (runtimes, handlers, ids), wrapping anywhere. */
export function MonoValue({ children }: { children: React.ReactNode }) {
  return <span className="font-mono text-[0.8125rem] break-all">{children}</span>;
}

/** A missing property value: a dash, or a phrase such as "No variables". */
export function NoneValue({ children = "—" }: { children?: React.ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}
