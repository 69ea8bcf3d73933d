import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";

export default function FunctionTabLoading() {
  return <FunctionTabSkeleton />;
}
