import { notFound } from "next/navigation";
import { FunctionOverview } from "@/components/functions/function-overview";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export default async function FunctionOverviewPage({ params }: PageProps<"/functions/[functionName]">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <PageContainer>
      <FunctionOverview name={name} />
    </PageContainer>
  );
}
