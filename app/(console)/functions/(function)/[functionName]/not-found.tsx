import Link from "next/link";
import { ArrowLeftIcon, SearchXIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { PageContainer } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";

export default function FunctionNotFound() {
  return (
    <PageContainer>
      <EmptyState
        icon={SearchXIcon}
        title="Function not found"
        description="There is no function with this name in this region. It may have been deleted, or it lives in another region or account."
      >
        <Button variant="outline" asChild>
          <Link href={routes.functions()}>
            <ArrowLeftIcon aria-hidden /> All functions
          </Link>
        </Button>
      </EmptyState>
    </PageContainer>
  );
}
