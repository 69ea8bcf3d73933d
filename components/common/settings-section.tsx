import { LoaderCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/**
 * One titled card of the Configuration tab: its own heading (an anchor target), what it controls, its
 * body, and a footer for its own save button — each section saves on its own.
 */
export function SettingsSection({
  id,
  title,
  description,
  actions,
  footer,
  onSubmit,
  children,
  className,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  footer?: React.ReactNode;
  /** Makes body and footer one form (named by the section's title), so the footer's Save submits it. */
  onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void;
  children: React.ReactNode;
  className?: string;
}) {
  const content = (
    <>
      <div className="px-5 py-5">{children}</div>
      {footer ? (
        <div className="bg-muted/30 flex flex-wrap items-center justify-end gap-3 rounded-b-lg border-t px-5 py-3">
          {footer}
        </div>
      ) : null}
    </>
  );
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={cn("bg-card scroll-mt-20 rounded-lg border", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b px-5 py-3">
        <div className="min-w-0 space-y-0.5">
          <h2 id={`${id}-heading`} className="text-sm font-semibold">
            {title}
          </h2>
          {description ? <p className="text-muted-foreground text-xs">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
          {content}
        </form>
      ) : (
        content
      )}
    </section>
  );
}

/** A section body while its data loads. */
export function SectionSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-4" style={{ width: `${85 - i * 17}%` }} />
      ))}
    </div>
  );
}

/** A section's "nothing here yet" line, quieter than a page's empty state. */
export function SectionEmpty({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-dashed px-4 py-5">
      <p className="text-muted-foreground text-sm">{children}</p>
      {action}
    </div>
  );
}

/** "Unsaved changes" + Discard + Save, the footer of every editable section. */
export function SaveBar({
  dirty,
  pending,
  onDiscard,
  saveLabel = "Save",
  discardLabel = "Discard",
  status,
}: {
  dirty: boolean;
  pending: boolean;
  onDiscard: () => void;
  saveLabel?: string;
  discardLabel?: string;
  status?: React.ReactNode;
}) {
  return (
    <>
      <span className="text-muted-foreground mr-auto text-sm" aria-live="polite">
        {status ?? (dirty ? "Unsaved changes" : "No changes")}
      </span>
      <Button type="button" variant="outline" size="sm" disabled={!dirty || pending} onClick={onDiscard}>
        {discardLabel}
      </Button>
      <Button type="submit" size="sm" disabled={!dirty || pending}>
        {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
        {pending ? "Saving…" : saveLabel}
      </Button>
    </>
  );
}
