"use client";

import { CopyIcon, EllipsisIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { writeClipboard } from "./clipboard";

/** The "…" button at the end of a table row and the menu it opens. */
export function RowActionsMenu({
  label,
  className,
  children,
}: {
  /** The button's accessible name, e.g. "Actions for my-function". */
  label: string;
  /** The menu's width class. */
  className: string;
  children: React.ReactNode;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="text-muted-foreground size-7" aria-label={label}>
          <EllipsisIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className={className}>
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A row menu's "Copy ARN" item, with a toast either way. */
export function CopyArnItem({ arn }: { arn: string }) {
  return (
    <DropdownMenuItem
      onSelect={() => {
        void writeClipboard(arn)
          .then(() => toast.success("ARN copied"))
          .catch(() => toast.error("Could not copy the ARN"));
      }}
    >
      <CopyIcon aria-hidden /> Copy ARN
    </DropdownMenuItem>
  );
}
