"use client";

import Link from "next/link";
import { FileTextIcon, Trash2Icon } from "lucide-react";
import { CopyArnItem, RowActionsMenu } from "@/components/common/row-actions-menu";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
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
    <RowActionsMenu label={`Actions for ${label}`} className="w-52">
      <DropdownMenuItem asChild>
        <Link href={isLatest ? routes.function(name) : routes.version(name, version.Version)}>
          <FileTextIcon aria-hidden /> View configuration
        </Link>
      </DropdownMenuItem>
      {version.FunctionArn ? <CopyArnItem arn={version.FunctionArn} /> : null}
      {isLatest ? null : (
        <>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={onDelete}>
            <Trash2Icon aria-hidden /> Delete version…
          </DropdownMenuItem>
        </>
      )}
    </RowActionsMenu>
  );
}
