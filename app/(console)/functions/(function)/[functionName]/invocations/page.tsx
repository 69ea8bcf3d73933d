import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { InvocationsTab } from "@/components/invocations/invocations-tab";
import { PageContainer } from "@/components/layout/page-header";
import { listInvocations } from "@/lib/aws/invocations";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { seedFirstPage } from "@/lib/aws/seed-first-page";
import { TIME_WINDOWS, type TimeWindow } from "@/components/invocations/invocation-filters";
import type { InvocationStatus } from "@/lib/lambda-types";
import { INVOCATIONS_PAGE_SIZE, invocationsOptions } from "@/lib/queries/invocations";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/invocations">) {
  return { title: `Invocations · ${decodeURIComponent((await params).functionName)}` };
}

const STATUSES = new Set<string>(["Success", "Error", "Timeout"]);

export default async function FunctionInvocationsPage({
  params,
  searchParams,
}: PageProps<"/functions/[functionName]/invocations">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  const { status: statusParam, since: sinceParam } = await searchParams;
  const status =
    typeof statusParam === "string" && STATUSES.has(statusParam) ? (statusParam as InvocationStatus) : undefined;
  const since = typeof sinceParam === "string" && sinceParam in TIME_WINDOWS ? (sinceParam as TimeWindow) : undefined;
  const queryClient = new QueryClient();
  // The first page is part of the first paint; later pages and refreshes come from app/api.
  await seedFirstPage(
    queryClient,
    invocationsOptions(name, { ...(status ? { status } : {}), ...(since ? { since } : {}) }).queryKey,
    () =>
      listInvocations(name, {
        maxItems: INVOCATIONS_PAGE_SIZE,
        ...(status ? { status } : {}),
        ...(since ? { withinMs: TIME_WINDOWS[since] } : {}),
      }),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <InvocationsTab name={name} />
      </PageContainer>
    </HydrationBoundary>
  );
}
