import { cn } from "@/lib/utils";
import { CopyButton } from "./copy-button";

/**
 * An identifier in monospace that gives way with an ellipsis when space is short (the whole value stays
 * in its title), with a button that copies it.
 */
export function CopyableCode({ value, label, className }: { value: string; label: string; className?: string }) {
  return (
    <span className={cn("flex min-w-0 items-center gap-0.5", className)}>
      <code className="min-w-0 truncate font-mono" title={value}>
        {value}
      </code>
      <CopyButton value={value} label={label} className="size-6" />
    </span>
  );
}
