import type { Metadata } from "next";
import { FileSignatureIcon } from "lucide-react";
import { ComingSoon } from "@/components/layout/coming-soon";

export const metadata: Metadata = { title: "Code signing" };

export default function CodeSigningPage() {
  return (
    <ComingSoon
      title="Code signing configurations"
      icon={FileSignatureIcon}
      summary="Only run code signed by the signing profiles you trust."
      plans={[
        "Create configurations with allowed signing profiles",
        "Choose whether untrusted code is blocked or only warned about",
        "Attach a configuration to functions",
      ]}
      apis={["CreateCodeSigningConfig", "ListCodeSigningConfigs", "PutFunctionCodeSigningConfig"]}
    />
  );
}
