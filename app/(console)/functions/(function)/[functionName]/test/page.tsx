import { notFound } from "next/navigation";
import { InvokePanel } from "@/components/invoke/invoke-panel";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/test">) {
  return { title: `Test · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionTestPage({ params }: PageProps<"/functions/[functionName]/test">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <PageContainer>
      <InvokePanel name={name} />
    </PageContainer>
  );
}
