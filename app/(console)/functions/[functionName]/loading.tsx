import { FunctionTabSkeleton } from "@/components/functions/function-skeletons";

export default function FunctionLoading() {
  return <FunctionTabSkeleton />;
}
