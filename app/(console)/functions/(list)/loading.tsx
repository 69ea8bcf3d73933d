import { FunctionsTableSkeleton } from "@/components/functions/functions-table-skeleton";
import { PageContainer } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function FunctionsLoading() {
  return (
    <PageContainer>
      <div className="flex items-end justify-between">
        <div className="space-y-2">
          <Skeleton className="h-6 w-32" />
          <Skeleton className="h-4 w-48" />
        </div>
        <Skeleton className="h-9 w-40" />
      </div>
      <Skeleton className="mt-6 mb-3 h-8 w-full max-w-sm" />
      <FunctionsTableSkeleton />
    </PageContainer>
  );
}
