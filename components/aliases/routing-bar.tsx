import { cn } from "@/lib/utils";
import { formatPercent, formatRouting, type RoutingShare } from "./routing-weights";

const SEGMENT = ["bg-primary", "bg-syntax-literal"] as const;
const DOT = ["bg-primary", "bg-syntax-literal"] as const;

/** An alias's traffic split as a bar plus "1 → 90% · 2 → 10%"; the text carries the meaning, the bar the shape. */
export function RoutingBar({
  shares,
  wide = false,
  className,
}: {
  shares: RoutingShare[];
  /** Full width (a form's preview) rather than a table cell's compact bar. */
  wide?: boolean;
  className?: string;
}) {
  return (
    <div className={cn("min-w-44 space-y-1.5", className)}>
      <div
        role="img"
        aria-label={`Traffic: ${formatRouting(shares)}`}
        className={cn("bg-muted flex h-1.5 w-full overflow-hidden rounded-full", !wide && "max-w-56")}
      >
        {shares.map((s, i) =>
          s.percent > 0 ? (
            <div
              key={s.version}
              className={cn("h-full", SEGMENT[i] ?? "bg-muted-foreground", i > 0 && "border-card border-l-2")}
              style={{ width: `${s.percent}%` }}
            />
          ) : null,
        )}
      </div>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs" aria-hidden>
        {shares.map((s, i) => (
          <span key={s.version} className="inline-flex items-center gap-1 whitespace-nowrap">
            {i > 0 ? <span className="text-muted-foreground">·</span> : null}
            <span className={cn("size-2 rounded-full", DOT[i] ?? "bg-muted-foreground")} />
            <span className="font-mono font-medium">{s.version}</span>
            <span className="text-muted-foreground">→</span>
            <span className="tabular">{formatPercent(s.percent)}</span>
          </span>
        ))}
      </p>
    </div>
  );
}
