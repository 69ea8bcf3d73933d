import { PageContainer } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";

/** A resource list page while it loads: the title row, then table rows. */
export function ListPageSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <PageContainer>
      <div role="status" aria-label="Loading">
        <div className="flex items-end justify-between">
          <div className="space-y-2">
            <Skeleton className="h-6 w-40" />
            <Skeleton className="h-4 w-56" />
          </div>
          <Skeleton className="h-9 w-36" />
        </div>
        <div className="mt-6 overflow-hidden rounded-lg border">
          <Skeleton className="h-9 rounded-none" />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex gap-6 border-t px-4 py-3.5">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-4 w-24" />
            </div>
          ))}
        </div>
      </div>
    </PageContainer>
  );
}
