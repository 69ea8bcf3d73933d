import { notFound } from "next/navigation";
import { GitCommitVerticalIcon } from "lucide-react";
import { TabPlaceholder } from "@/components/functions/tab-placeholder";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/versions">) {
  return { title: `Versions · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionVersionsPage({ params }: PageProps<"/functions/[functionName]/versions">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <TabPlaceholder
      icon={GitCommitVerticalIcon}
      title="Versions are coming soon in this console"
      description="Immutable snapshots of code and configuration: publish one from $LATEST, compare versions, and invoke a specific one."
    />
  );
}
