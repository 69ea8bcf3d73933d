import { notFound } from "next/navigation";
import { TagIcon } from "lucide-react";
import { TabPlaceholder } from "@/components/functions/tab-placeholder";
import { isMissing, loadFunction } from "@/lib/aws/load-function";

export async function generateMetadata({ params }: PageProps<"/functions/[functionName]/aliases">) {
  return { title: `Aliases · ${decodeURIComponent((await params).functionName)}` };
}

export default async function FunctionAliasesPage({ params }: PageProps<"/functions/[functionName]/aliases">) {
  const name = decodeURIComponent((await params).functionName);
  if (isMissing(await loadFunction(name))) notFound();
  return (
    <TabPlaceholder
      icon={TagIcon}
      title="Aliases are coming soon in this console"
      description="Named pointers such as prod or beta that route to a version, optionally splitting traffic between two versions for gradual rollouts."
    />
  );
}
