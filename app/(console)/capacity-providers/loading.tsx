import { ListPageSkeleton } from "@/components/common/list-page-skeleton";

export default function CapacityProvidersLoading() {
  return <ListPageSkeleton />;
}
