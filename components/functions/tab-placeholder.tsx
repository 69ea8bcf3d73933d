import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { PageContainer } from "@/components/layout/page-header";

/** A function tab another issue will fill: says what it will do, so the tab is a promise, not a dead end. */
export function TabPlaceholder({
  icon,
  title,
  description,
  children,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  children?: React.ReactNode;
}) {
  return (
    <PageContainer>
      <EmptyState icon={icon} title={title} description={description}>
        {children}
      </EmptyState>
    </PageContainer>
  );
}
