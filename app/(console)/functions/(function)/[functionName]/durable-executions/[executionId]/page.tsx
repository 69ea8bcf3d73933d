import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon, SearchXIcon } from "lucide-react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { EmptyState } from "@/components/common/empty-state";
import { ExecutionView } from "@/components/durable/execution-view";
import { Button } from "@/components/ui/button";
import { PageContainer } from "@/components/layout/page-header";
import { getDurableExecution, getDurableExecutionHistory } from "@/lib/aws/durable-executions";
import { AwsCallError } from "@/lib/aws/errors";
import { isMissing, loadFunction } from "@/lib/aws/load-function";
import { executionArnFromKey } from "@/lib/durable-arn";
import { durableExecutionOptions, durableHistoryOptions } from "@/lib/queries/durable-executions";
import { routes } from "@/lib/routes";

type Props = PageProps<"/functions/[functionName]/durable-executions/[executionId]">;

export async function generateMetadata({ params }: Props) {
  const { functionName, executionId } = await params;
  const name = decodeURIComponent(executionId).split(".")[0] ?? "";
  return { title: `${name} · ${decodeURIComponent(functionName)}` };
}

/** Runs the read for the first paint; a failure is left to the client, which shows it in place. */
async function prefetch<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AwsCallError) return undefined;
    throw error;
  }
}

export default async function DurableExecutionPage({ params }: Props) {
  const { functionName, executionId } = await params;
  const name = decodeURIComponent(functionName);
  const loaded = await loadFunction(name);
  if (isMissing(loaded)) notFound();
  if (!loaded.ok) throw new AwsCallError(loaded.error);
  const functionArn = loaded.data.Configuration.FunctionArn;
  const executionArn = functionArn ? executionArnFromKey(functionArn, decodeURIComponent(executionId)) : undefined;
  if (!executionArn) {
    return (
      <PageContainer>
        <EmptyState
          icon={SearchXIcon}
          title="No such execution"
          description="This link does not name a durable execution of this function."
        >
          <Button variant="outline" asChild>
            <Link href={routes.function(name, "durable-executions")}>
              <ArrowLeftIcon aria-hidden /> All executions
            </Link>
          </Button>
        </EmptyState>
      </PageContainer>
    );
  }

  const queryClient = new QueryClient();
  const [execution, history] = await Promise.all([
    prefetch(() => getDurableExecution(executionArn)),
    prefetch(() => getDurableExecutionHistory(executionArn)),
  ]);
  if (execution) queryClient.setQueryData(durableExecutionOptions(executionArn).queryKey, execution);
  if (history) queryClient.setQueryData(durableHistoryOptions(executionArn).queryKey, history);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageContainer>
        <ExecutionView functionName={name} executionArn={executionArn} />
      </PageContainer>
    </HydrationBoundary>
  );
}
