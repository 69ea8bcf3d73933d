import { PageContainer } from "@/components/layout/page-header";
import { Skeleton } from "@/components/ui/skeleton";

/** A tab's content while it loads: cards of label/value rows, like the overview and the forms. */
export function FunctionTabSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="grid gap-4 lg:grid-cols-2">
      {[5, 4, 4, 3].map((rows, i) => (
        <div key={i} className="bg-card rounded-lg border p-5">
          <Skeleton className="mb-5 h-4 w-36" />
          <div className="space-y-3.5">
            {Array.from({ length: rows }, (_, j) => (
              <div key={j} className="flex gap-6">
                <Skeleton className="h-3.5 w-28" />
                <Skeleton className="h-3.5" style={{ width: `${40 + ((i * 7 + j * 13) % 40)}%` }} />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The whole function page while its layout loads (header, tabs, content). */
export function FunctionPageSkeleton() {
  return (
    <>
      <PageContainer className="space-y-3 pb-2 md:pb-2">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-96" />
      </PageContainer>
      <div className="mx-auto flex max-w-[90rem] gap-4 border-b px-4 py-3 md:px-8">
        {[72, 44, 36, 96, 56, 64].map((w, i) => (
          <Skeleton key={i} className="h-4" style={{ width: w }} />
        ))}
      </div>
      <PageContainer>
        <FunctionTabSkeleton />
      </PageContainer>
    </>
  );
}
