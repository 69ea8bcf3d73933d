"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FlaskConicalIcon, Trash2Icon } from "lucide-react";
import { Arn } from "@/components/common/arn";
import { StateBadge } from "@/components/common/state-badge";
import { Breadcrumb } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useFunction } from "@/lib/queries/use-function";
import { routes } from "@/lib/routes";
import { DeleteFunctionDialog } from "./delete-function-dialog";

export function FunctionHeader({ name }: { name: string }) {
  const router = useRouter();
  const { data } = useFunction(name);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const config = data?.Configuration;
  const updating = config?.LastUpdateStatus === "InProgress";

  return (
    <div className="space-y-3">
      <Breadcrumb parent="Functions" href={routes.functions()} current={name} />
      {/* The actions keep their place beside the title down to sm; the ARN truncates instead. */}
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 sm:flex-nowrap">
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2.5">
            <h1 className="truncate text-xl font-semibold tracking-tight">{name}</h1>
            {config ? <StateBadge state={config.State} /> : <Skeleton className="h-5 w-16 rounded-full" />}
            {updating ? <StateBadge state="InProgress" /> : null}
          </div>
          <div className="text-muted-foreground flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            {config ? (
              <>
                <span className="font-mono text-[0.8125rem]">{config.Runtime ?? config.PackageType}</span>
                <span aria-hidden>·</span>
                <span className="font-mono text-[0.8125rem]">{config.Architectures?.[0] ?? "x86_64"}</span>
                {config.FunctionArn ? (
                  <>
                    {/* Below xl the ARN takes a line of its own, so no dot is left dangling at a line's end. */}
                    <span aria-hidden className="hidden xl:inline">
                      ·
                    </span>
                    <span className="flex min-w-0 basis-full xl:basis-auto">
                      <Arn value={config.FunctionArn} label="function ARN" className="max-w-[min(36rem,80vw)]" />
                    </span>
                  </>
                ) : null}
              </>
            ) : (
              <Skeleton className="h-4 w-80" />
            )}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <Button variant="outline" size="sm" asChild>
            <Link href={routes.function(name, "test")}>
              <FlaskConicalIcon aria-hidden /> Test
            </Link>
          </Button>
          <Button
            variant="outline"
            size="sm"
            className="text-destructive hover:text-destructive"
            onClick={() => setDeleteOpen(true)}
          >
            <Trash2Icon aria-hidden /> Delete
          </Button>
        </div>
      </div>
      <DeleteFunctionDialog
        functionName={name}
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        onDeleted={() => router.push(routes.functions())}
      />
    </div>
  );
}
