import { notFound } from "next/navigation";
import { CodeTab } from "@/components/code/code-tab";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/code">) {
  return { title: `Code · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionCodePage({ params }: PageProps<"/functions/[functionName]/code">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <PageContainer className="max-w-none py-4 md:py-5">
      <CodeTab name={name} />
    </PageContainer>
  );
}
