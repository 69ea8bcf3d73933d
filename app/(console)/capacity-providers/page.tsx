import type { Metadata } from "next";
import { CpuIcon } from "lucide-react";
import { ComingSoon } from "@/components/layout/coming-soon";

export const metadata: Metadata = { title: "Capacity providers" };

export default function CapacityProvidersPage() {
  return (
    <ComingSoon
      title="Capacity providers"
      icon={CpuIcon}
      summary="Run functions on capacity you provision, with the instance types and scaling you choose."
      plans={[
        "Create providers with instance requirements and scaling limits",
        "See which function versions run on each provider",
        "Follow each provider's state as it scales",
      ]}
      apis={["CreateCapacityProvider", "ListCapacityProviders", "ListFunctionVersionsByCapacityProvider"]}
    />
  );
}
