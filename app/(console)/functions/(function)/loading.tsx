import { FunctionPageSkeleton } from "@/components/functions/function-skeletons";

/** While a function's layout loads (header and tabs), on navigation from the list or between functions. */
export default function FunctionPageLoading() {
  return <FunctionPageSkeleton />;
}
