"use client";

import Link from "next/link";
import { CopyIcon, EllipsisIcon, FileTextIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { writeClipboard } from "@/components/common/clipboard";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { VersionSummary } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";

export function VersionRowActions({
  name,
  version,
  onDelete,
}: {
  name: string;
  version: VersionSummary;
  onDelete: () => void;
}) {
  const isLatest = version.Version === "$LATEST";
  const label = isLatest ? "$LATEST" : `version ${version.Version}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="text-muted-foreground size-7"
          aria-label={`Actions for ${label}`}
        >
          <EllipsisIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuItem asChild>
          <Link href={isLatest ? routes.function(name) : routes.version(name, version.Version)}>
            <FileTextIcon aria-hidden /> View configuration
          </Link>
        </DropdownMenuItem>
        {version.FunctionArn ? (
          <DropdownMenuItem
            onSelect={() => {
              void writeClipboard(version.FunctionArn ?? "")
                .then(() => toast.success("ARN copied"))
                .catch(() => toast.error("Could not copy the ARN"));
            }}
          >
            <CopyIcon aria-hidden /> Copy ARN
          </DropdownMenuItem>
        ) : null}
        {isLatest ? null : (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={onDelete}>
              <Trash2Icon aria-hidden /> Delete version…
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
