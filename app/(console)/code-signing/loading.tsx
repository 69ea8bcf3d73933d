import { ListPageSkeleton } from "@/components/common/list-page-skeleton";

export default function CodeSigningLoading() {
  return <ListPageSkeleton />;
}
