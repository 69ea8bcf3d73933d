"use client";

import { shortSha } from "./short-sha";
import { CopyButton } from "./copy-button";

/** A code SHA-256, short in monospace with the whole value in the title and on copy. */
export function CodeSha({ value, label = "code SHA-256" }: { value: string | undefined; label?: string }) {
  if (!value) return <span className="text-muted-foreground/70">—</span>;
  return (
    <span className="inline-flex items-center gap-0.5">
      <span className="font-mono text-[0.8125rem]" title={value}>
        {shortSha(value)}
      </span>
      <CopyButton value={value} label={label} className="size-6" />
    </span>
  );
}
