"use client";

import { ArrowRightIcon, LambdaIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { HandlerTarget } from "./handler-target";

/** Which file and export the configured Handler runs, with a jump to it, or why it will not be found. */
export function HandlerIndicator({
  handler,
  target,
  onGo,
}: {
  handler: string | undefined;
  target: HandlerTarget;
  onGo: (file: string, line?: number) => void;
}) {
  const warn = target.status === "missing-file" || target.status === "missing-export";
  return (
    <div
      role={warn ? "alert" : "status"}
      aria-label="Handler"
      className={
        warn
          ? "border-warning/40 bg-warning-soft flex min-w-0 items-center gap-2 rounded-md border px-2.5 py-1 text-sm"
          : "flex min-w-0 items-center gap-2 text-sm"
      }
    >
      {warn ? (
        <TriangleAlertIcon className="text-warning size-4 shrink-0" aria-hidden />
      ) : (
        <LambdaIcon className="text-primary size-4 shrink-0" aria-hidden />
      )}
      <span className="text-muted-foreground shrink-0">Handler</span>
      <code className="bg-muted max-w-[60%] shrink-0 truncate rounded px-1.5 py-0.5 font-mono text-xs" title={handler}>
        {handler ?? "—"}
      </code>
      {target.status === "ok" && target.file ? (
        <Button
          variant="link"
          size="sm"
          className="h-auto min-w-0 shrink gap-1 px-0 font-mono text-xs"
          onClick={() => onGo(target.file ?? "", target.line)}
          aria-label={`Go to handler: ${target.file}${target.exportName ? `, export ${target.exportName}` : ""}`}
        >
          <ArrowRightIcon className="size-3" aria-hidden />
          <span className="truncate">
            {target.file}
            {target.line ? `:${target.line}` : ""}
          </span>
        </Button>
      ) : warn ? (
        <Tooltip>
          <TooltipTrigger asChild>
            <span className="text-warning min-w-0 truncate text-xs font-medium" tabIndex={0}>
              {target.status === "missing-file"
                ? `${target.file ?? "file"} is not in the package`
                : `${target.exportName ?? "export"} not found in ${target.file}`}
            </span>
          </TooltipTrigger>
          <TooltipContent className="max-w-80">{target.message}</TooltipContent>
        </Tooltip>
      ) : null}
      {warn ? <span className="sr-only">{target.message}</span> : null}
    </div>
  );
}
