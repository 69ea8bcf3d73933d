import Link from "next/link";
import { ArrowRightIcon, type LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/common/empty-state";
import { routes } from "@/lib/routes";
import { PageContainer, PageHeader } from "./page-header";

/** A section the console does not manage yet: says what will live here and which API calls it will use. */
export function ComingSoon({
  title,
  icon,
  summary,
  plans,
  apis,
}: {
  title: string;
  icon: LucideIcon;
  summary: string;
  plans: string[];
  apis: string[];
}) {
  return (
    <PageContainer>
      <PageHeader title={title} description={summary} />
      <EmptyState
        className="mt-6"
        icon={icon}
        title={`${title} are coming soon in this console`}
        description={
          <div className="space-y-4">
            <ul className="mx-auto max-w-sm space-y-1 text-left">
              {plans.map((plan) => (
                <li key={plan} className="flex gap-2">
                  <span className="text-primary" aria-hidden>
                    •
                  </span>
                  {plan}
                </li>
              ))}
            </ul>
            <p className="text-xs">
              Until then, use the AWS CLI or an SDK against the same endpoint:{" "}
              {apis.map((api, i) => (
                <span key={api}>
                  <code className="bg-muted rounded px-1 py-0.5 font-mono">{api}</code>
                  {i < apis.length - 1 ? ", " : ""}
                </span>
              ))}
              .
            </p>
          </div>
        }
      >
        <Button variant="outline" asChild>
          <Link href={routes.functions()}>
            Go to Functions <ArrowRightIcon aria-hidden />
          </Link>
        </Button>
      </EmptyState>
    </PageContainer>
  );
}
