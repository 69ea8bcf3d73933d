import { CopyButton } from "@/components/common/copy-button";
import { cn } from "@/lib/utils";
import type { HttpPrelude } from "./invocation-run";

/** The status line, headers and cookies an `HttpResponseStream.from` prelude carries. */
export function HttpResponseView({ prelude, pending }: { prelude: HttpPrelude | undefined; pending: boolean }) {
  if (!prelude) {
    return (
      <p className="text-muted-foreground rounded-lg border border-dashed px-4 py-3 text-sm">
        HTTP response: waiting for the status and headers…
      </p>
    );
  }
  const status = prelude.statusCode ?? 200;
  const headers = Object.entries(prelude.headers ?? {});
  const cookies = prelude.cookies ?? [];
  const asText = [
    `HTTP ${status}`,
    ...headers.map(([k, v]) => `${k}: ${v}`),
    ...cookies.map((c) => `set-cookie: ${c}`),
  ].join("\n");
  return (
    <section aria-label="HTTP response" className="bg-card rounded-lg border">
      <div className="flex items-center gap-2 border-b px-4 py-2.5">
        <h3 className="text-sm font-semibold">HTTP response</h3>
        <span
          className={cn(
            "rounded-full border px-2 py-0.5 font-mono text-xs font-medium",
            status < 400
              ? "bg-success-soft text-success border-success/25"
              : "bg-danger-soft text-destructive border-destructive/25",
          )}
        >
          {status}
        </span>
        {pending ? null : <span className="text-muted-foreground text-xs">from HttpResponseStream.from</span>}
        <CopyButton value={asText} label="HTTP status and headers" className="ml-auto" />
      </div>
      {headers.length + cookies.length > 0 ? (
        <dl className="grid grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)] gap-x-4 gap-y-1 px-4 py-2.5 font-mono text-xs">
          {headers.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
          {cookies.map((c, i) => (
            <div key={`cookie-${i}`} className="contents">
              <dt className="text-muted-foreground">set-cookie</dt>
              <dd className="break-all">{c}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-muted-foreground px-4 py-2.5 text-xs">No headers.</p>
      )}
    </section>
  );
}
