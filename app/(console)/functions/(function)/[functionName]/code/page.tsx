import { notFound } from "next/navigation";
import { FileCodeIcon } from "lucide-react";
import { TabPlaceholder } from "@/components/functions/tab-placeholder";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/code">) {
  return { title: `Code · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionCodePage({ params }: PageProps<"/functions/[functionName]/code">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <TabPlaceholder
      icon={FileCodeIcon}
      title="The code editor is coming soon in this console"
      description="Browse and edit the function's files in the browser, deploy with one click, and upload a zip. Until then, deploy with the AWS CLI: aws lambda update-function-code."
    />
  );
}
