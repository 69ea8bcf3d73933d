"use client";

import { cn } from "@/lib/utils";
import type { HoverText } from "./segment-text";

/** One floating card for the whole timeline, following the pointer (a tooltip per bar would be hundreds). */
export function HoverCard({ text, x, y }: { text: HoverText; x: number; y: number }) {
  const flip = typeof window !== "undefined" && x > window.innerWidth - 320;
  return (
    <div
      role="tooltip"
      className="bg-foreground text-background pointer-events-none fixed z-50 max-w-80 rounded-md px-3 py-2 text-xs shadow-md"
      style={{ top: y + 14, left: flip ? undefined : x + 12, right: flip ? window.innerWidth - x + 12 : undefined }}
    >
      <p className="font-semibold break-words">{text.title}</p>
      {text.lines.map((line, i) => (
        <p key={i} className={cn("break-words", i === 0 ? "mt-0.5" : "opacity-75")}>
          {line}
        </p>
      ))}
    </div>
  );
}
