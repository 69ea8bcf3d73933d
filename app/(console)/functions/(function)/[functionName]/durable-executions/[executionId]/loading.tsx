import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";
import { PageContainer } from "@/components/layout/page-header";

export default function FunctionTabLoading() {
  return (
    <PageContainer>
      <FunctionTabSkeleton />
    </PageContainer>
  );
}
