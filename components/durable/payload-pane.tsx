import { CopyButton } from "@/components/common/copy-button";
import { JsonView } from "@/components/common/json-view";
import type { DurableError } from "@/lib/durable-types";
import { cn } from "@/lib/utils";

/** An error object as the API sends it, shown as JSON (the stack trace stays readable line by line). */
export function errorJson(error: DurableError | undefined): string {
  return error ? JSON.stringify(error, null, 2) : "";
}

/**
 * A titled payload (input, result, error) with a copy button; says so when the service truncated it or
 * when there is none, rather than showing an empty box.
 */
export function PayloadPane({
  title,
  text,
  truncated,
  empty = "None",
  tone,
  className,
  maxHeight = "max-h-64",
}: {
  title: string;
  text: string | undefined;
  truncated?: boolean;
  empty?: string;
  tone?: "danger";
  className?: string;
  maxHeight?: string;
}) {
  const has = text !== undefined && text !== "";
  return (
    <section aria-label={title} className={cn("min-w-0 space-y-1.5", className)}>
      <div className="flex h-7 items-center justify-between gap-2">
        <h3 className={cn("text-sm font-semibold", tone === "danger" && "text-destructive")}>
          {title}
          {truncated ? <span className="text-muted-foreground ml-1.5 text-xs font-normal">(truncated)</span> : null}
        </h3>
        {has ? <CopyButton value={text} label={title.toLowerCase()} /> : null}
      </div>
      {has ? (
        <JsonView
          text={text}
          label={title}
          className={cn(maxHeight, tone === "danger" && "border-destructive/30 bg-danger-soft/40")}
        />
      ) : (
        <p className="text-muted-foreground rounded-md border border-dashed px-3 py-2.5 text-sm">{empty}</p>
      )}
    </section>
  );
}
