import type { Connection } from "@/lib/connection";
import { cn } from "@/lib/utils";

/** Amber for real AWS (careful: real resources), the brand colour for the local emulator, grey otherwise. */
const DOT: Record<Connection["kind"], string> = {
  emulator: "bg-primary",
  aws: "bg-warning",
  endpoint: "bg-muted-foreground",
};

export function ConnectionDot({ kind, className }: { kind: Connection["kind"]; className?: string }) {
  return <span className={cn("size-2 shrink-0 rounded-full", DOT[kind], className)} aria-hidden />;
}
