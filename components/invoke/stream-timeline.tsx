"use client";

import { formatBytes } from "@/components/common/format-bytes";
import { cn } from "@/lib/utils";
import { formatMs } from "./invoke-summary";
import type { InvocationRun } from "./invocation-run";

/**
 * How a streamed answer arrived: a counter (announced politely as it grows) and a strip with one tick
 * per chunk at its arrival time, so gaps between writes are visible at a glance.
 */
export function StreamTimeline({ run, now }: { run: InvocationRun; now: number }) {
  const chunks = run.chunks;
  const span = Math.max(run.elapsedMs ?? now, chunks.at(-1)?.at ?? 0, 1);
  const first = chunks[0]?.at;
  const last = chunks.at(-1)?.at;
  const running = run.status === "running";
  return (
    <div className="bg-card space-y-2 rounded-lg border px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <p role="status" aria-label="Chunks received" aria-atomic="true" className="font-medium">
          <span className="tabular">
            {chunks.length} {chunks.length === 1 ? "chunk" : "chunks"}
          </span>
          <span className="text-muted-foreground font-normal"> · {formatBytes(run.totalBytes)}</span>
          {running ? <span className="text-muted-foreground font-normal"> · streaming…</span> : null}
        </p>
        <p className="text-muted-foreground tabular text-xs">
          {first !== undefined ? `first byte ${formatMs(first)}` : running ? "waiting for the first byte…" : "no bytes"}
          {last !== undefined && chunks.length > 1 ? ` · last ${formatMs(last)}` : null}
        </p>
      </div>
      <div aria-hidden className="bg-muted relative h-4 overflow-hidden rounded-sm">
        <div
          className={cn("bg-primary/20 absolute inset-y-0 left-0", running && "transition-[width] duration-100")}
          style={{ width: `${Math.min(100, ((running ? now : span) / span) * 100)}%` }}
        />
        {chunks.map((chunk, i) => (
          <span
            key={i}
            className="bg-primary absolute inset-y-0 w-0.5 rounded-full"
            style={{ left: `calc(${(chunk.at / span) * 100}% - 1px)` }}
          />
        ))}
      </div>
    </div>
  );
}
