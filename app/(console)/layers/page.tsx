import type { Metadata } from "next";
import { LayersIcon } from "lucide-react";
import { ComingSoon } from "@/components/layout/coming-soon";

export const metadata: Metadata = { title: "Layers" };

export default function LayersPage() {
  return (
    <ComingSoon
      title="Layers"
      icon={LayersIcon}
      summary="Shared code and data packaged once, attached to many functions."
      plans={[
        "Publish layer versions from a zip, with compatible runtimes and architectures",
        "See which functions use each version",
        "Grant other accounts access to a version",
      ]}
      apis={["PublishLayerVersion", "ListLayers", "ListLayerVersions"]}
    />
  );
}
