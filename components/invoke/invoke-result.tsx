import { CircleCheckIcon, CircleXIcon } from "lucide-react";
import { CopyButton } from "@/components/common/copy-button";
import { JsonView } from "@/components/common/json-view";
import type { InvokeOutcome } from "@/lib/lambda-types";
import { cn } from "@/lib/utils";
import { formatMs, summarizeInvoke } from "./invoke-summary";
import { LogTailView } from "./log-tail-view";

function Metric({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="tabular mt-0.5 truncate text-sm font-medium">{value}</dd>
    </div>
  );
}

export function InvokeResult({ outcome }: { outcome: InvokeOutcome }) {
  const s = summarizeInvoke(outcome);
  const ok = s.status === "success";
  const r = s.report;
  return (
    <section aria-label="Invocation result" className="space-y-4">
      <div
        role="status"
        className={cn(
          "flex flex-wrap items-start gap-3 rounded-lg border px-4 py-3",
          ok ? "border-success/30 bg-success-soft" : "border-destructive/30 bg-danger-soft",
        )}
      >
        {ok ? (
          <CircleCheckIcon className="text-success mt-0.5 size-5 shrink-0" aria-hidden />
        ) : (
          <CircleXIcon className="text-destructive mt-0.5 size-5 shrink-0" aria-hidden />
        )}
        <div className="min-w-0 flex-1">
          <p className="font-semibold">{ok ? "Succeeded" : `Function error${s.errorType ? `: ${s.errorType}` : ""}`}</p>
          <p className="text-muted-foreground text-sm break-words">
            {ok
              ? `Status ${outcome.StatusCode} · version ${outcome.ExecutedVersion ?? "$LATEST"}`
              : (s.errorMessage ?? `The function raised an ${s.functionError?.toLowerCase() ?? "unhandled"} error.`)}
          </p>
          {s.requestId ? (
            <p className="text-muted-foreground mt-1 flex flex-wrap items-center gap-1 text-xs">
              <span>Request ID</span>
              <code className="text-foreground font-mono">{s.requestId}</code>
              <CopyButton value={s.requestId} label="request ID" className="size-6" />
            </p>
          ) : null}
        </div>
      </div>

      <dl className="bg-card grid grid-cols-2 gap-4 rounded-lg border px-4 py-3 sm:grid-cols-4">
        <Metric label="Duration" value={formatMs(r?.durationMs)} />
        <Metric label="Billed duration" value={formatMs(r?.billedDurationMs)} />
        <Metric
          label="Max memory used"
          value={r?.maxMemoryUsedMb !== undefined ? `${r.maxMemoryUsedMb} of ${r.memorySizeMb ?? "?"} MB` : "—"}
        />
        <Metric
          label={r?.initDurationMs !== undefined ? "Init (cold start)" : "Round trip"}
          value={formatMs(r?.initDurationMs ?? outcome.ClientDurationMs)}
        />
      </dl>

      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-semibold">Response</h3>
          {outcome.Payload ? <CopyButton value={outcome.Payload} label="response" /> : null}
        </div>
        <JsonView text={outcome.Payload} label="Response payload" className="max-h-96" />
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">
          Log output <span className="text-muted-foreground font-normal">(last 4 KB)</span>
        </h3>
        <LogTailView text={outcome.LogTail} />
      </div>
    </section>
  );
}
