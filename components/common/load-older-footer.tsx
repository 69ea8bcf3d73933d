"use client";

import { LoaderCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * Under a newest-first paged list: how much is loaded, then Load older while there is more worth
 * loading, or why there is not.
 */
export function LoadOlderFooter({
  query,
  canLoadOlder = query.hasNextPage,
  summary,
  end = "That is all.",
  className,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  /** Narrower than "the API has more pages" when the older pages cannot match (a time window). */
  canLoadOlder?: boolean;
  summary: React.ReactNode;
  end?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("text-muted-foreground flex items-center justify-between gap-3 text-xs", className)}>
      <span>{summary}</span>
      {canLoadOlder ? (
        <Button
          variant="outline"
          size="sm"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
          Load older
        </Button>
      ) : (
        <span>{end}</span>
      )}
    </div>
  );
}
