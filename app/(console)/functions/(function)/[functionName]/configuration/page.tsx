import { notFound } from "next/navigation";
import { ConfigurationForm } from "@/components/functions/configuration-form";
import { PageContainer } from "@/components/layout/page-header";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/configuration">) {
  return { title: `Configuration · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionConfigurationPage({
  params,
}: PageProps<"/functions/[functionName]/configuration">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <PageContainer>
      <div className="max-w-4xl">
        <ConfigurationForm name={name} />
      </div>
    </PageContainer>
  );
}
