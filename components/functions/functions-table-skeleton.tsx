import { Skeleton } from "@/components/ui/skeleton";

const WIDTHS = ["w-40", "w-28", "w-36", "w-32", "w-44", "w-24", "w-36", "w-28"];

/** The list's loading state: the table's real shape, so nothing jumps when the rows arrive. */
export function FunctionsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading functions" className="bg-card overflow-hidden rounded-lg border">
      <div className="bg-muted/40 flex h-9 items-center gap-6 border-b px-4">
        {[24, 16, 12, 12, 20, 12, 32].map((w, i) => (
          <Skeleton key={i} className="h-3" style={{ width: `${w * 4}px` }} />
        ))}
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex h-10 items-center gap-6 border-b px-4 last:border-0">
          <Skeleton className={`h-3.5 ${WIDTHS[i % WIDTHS.length]}`} />
          <Skeleton className="h-3.5 w-20" />
          <Skeleton className="h-3.5 w-14" />
          <Skeleton className="h-3.5 w-10" />
          <Skeleton className="h-3.5 w-24" />
          <Skeleton className="h-4 w-16 rounded-full" />
          <Skeleton className="h-3.5 w-56" />
        </div>
      ))}
    </div>
  );
}
