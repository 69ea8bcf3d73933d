import { ListPageSkeleton } from "@/components/common/list-page-skeleton";

export default function SettingsLoading() {
  return <ListPageSkeleton rows={3} />;
}
