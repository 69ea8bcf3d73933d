"use client";

import Link from "next/link";
import { FlaskConicalIcon, SettingsIcon, SquareArrowOutUpRightIcon, Trash2Icon } from "lucide-react";
import { CopyArnItem, RowActionsMenu } from "@/components/common/row-actions-menu";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { FunctionConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";

export function FunctionRowActions({ fn, onDelete }: { fn: FunctionConfig; onDelete: (name: string) => void }) {
  const name = fn.FunctionName ?? "";
  return (
    <RowActionsMenu label={`Actions for ${name}`} className="w-48">
      <DropdownMenuItem asChild>
        <Link href={routes.function(name)}>
          <SquareArrowOutUpRightIcon aria-hidden /> Open
        </Link>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <Link href={routes.function(name, "test")}>
          <FlaskConicalIcon aria-hidden /> Test
        </Link>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <Link href={routes.function(name, "configuration")}>
          <SettingsIcon aria-hidden /> Configuration
        </Link>
      </DropdownMenuItem>
      {fn.FunctionArn ? <CopyArnItem arn={fn.FunctionArn} /> : null}
      <DropdownMenuSeparator />
      <DropdownMenuItem variant="destructive" onSelect={() => onDelete(name)}>
        <Trash2Icon aria-hidden /> Delete…
      </DropdownMenuItem>
    </RowActionsMenu>
  );
}
