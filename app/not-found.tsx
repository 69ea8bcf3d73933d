import Link from "next/link";
import { CompassIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        icon={CompassIcon}
        title="This page does not exist"
        description="The address may be mistyped, or the page moved."
        className="w-full max-w-lg"
      >
        <Button asChild>
          <Link href={routes.functions()}>Go to Functions</Link>
        </Button>
      </EmptyState>
    </main>
  );
}
