"use client";

import { RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toConsoleError, type ConsoleError } from "@/lib/console-error";
import { cn } from "@/lib/utils";
import { CopyButton } from "./copy-button";
import { errorHint } from "./error-hint";

/**
 * A failed call, said plainly: the AWS error name, its message, the request id to quote, and a way to
 * try again. Used by every error.tsx and by in-place failures (forms, invoke).
 */
export function ErrorPanel({
  error,
  title = "Something went wrong",
  onRetry,
  retrying = false,
  className,
  children,
}: {
  error: ConsoleError | unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  const e = toConsoleError(error);
  const hint = errorHint(e);
  return (
    <div
      role="alert"
      className={cn("border-destructive/30 bg-danger-soft/60 rounded-lg border p-4 text-sm", className)}
    >
      <div className="flex items-start gap-3">
        <TriangleAlertIcon className="text-destructive mt-0.5 size-4 shrink-0" aria-hidden />
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <h2 className="font-semibold">{title}</h2>
            <code className="text-destructive bg-background/60 rounded px-1.5 py-0.5 font-mono text-xs">{e.code}</code>
            {e.status ? <span className="text-muted-foreground text-xs">HTTP {e.status}</span> : null}
          </div>
          <p className="text-foreground/90 break-words">{e.message}</p>
          {hint ? <p className="text-muted-foreground">{hint}</p> : null}
          {e.requestId ? (
            <p className="text-muted-foreground flex items-center gap-1 text-xs">
              <span>Request ID</span>
              <code className="font-mono">{e.requestId}</code>
              <CopyButton value={e.requestId} label="request ID" className="size-6" />
            </p>
          ) : null}
          {children}
        </div>
        {onRetry ? (
          <Button variant="outline" size="sm" onClick={onRetry} disabled={retrying} className="shrink-0">
            <RotateCwIcon className={cn(retrying && "animate-spin")} aria-hidden />
            Try again
          </Button>
        ) : null}
      </div>
    </div>
  );
}
