"use client";

import Link from "next/link";
import {
  CopyIcon,
  EllipsisIcon,
  FlaskConicalIcon,
  SettingsIcon,
  SquareArrowOutUpRightIcon,
  Trash2Icon,
} from "lucide-react";
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
import type { FunctionConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";

export function FunctionRowActions({ fn, onDelete }: { fn: FunctionConfig; onDelete: (name: string) => void }) {
  const name = fn.FunctionName ?? "";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="text-muted-foreground size-7"
          aria-label={`Actions for ${name}`}
        >
          <EllipsisIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
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
        {fn.FunctionArn ? (
          <DropdownMenuItem
            onSelect={() => {
              void writeClipboard(fn.FunctionArn ?? "")
                .then(() => toast.success("ARN copied"))
                .catch(() => toast.error("Could not copy the ARN"));
            }}
          >
            <CopyIcon aria-hidden /> Copy ARN
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => onDelete(name)}>
          <Trash2Icon aria-hidden /> Delete…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
