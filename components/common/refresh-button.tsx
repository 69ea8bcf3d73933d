"use client";

import { RotateCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

/** A list's refresh button: disabled while its query fetches, spinning while it refetches (not on first load). */
export function RefreshButton({
  label,
  query,
  onRefresh = () => void query.refetch(),
  size = "icon-sm",
}: {
  /** The accessible name, e.g. "Refresh layers". */
  label: string;
  query: { isFetching: boolean; isRefetching: boolean; refetch: () => Promise<unknown> };
  /** For a button that refreshes more than the query it shows the state of. */
  onRefresh?: () => void;
  size?: "icon" | "icon-sm";
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="outline" size={size} aria-label={label} onClick={onRefresh} disabled={query.isFetching}>
          <RotateCwIcon className={query.isRefetching ? "animate-spin" : undefined} aria-hidden />
        </Button>
      </TooltipTrigger>
      <TooltipContent>Refresh</TooltipContent>
    </Tooltip>
  );
}
