import { ListPageSkeleton } from "@/components/common/list-page-skeleton";

export default function LayerLoading() {
  return <ListPageSkeleton rows={3} />;
}
