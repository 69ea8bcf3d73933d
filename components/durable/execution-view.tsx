"use client";

import { useCallback, useMemo, useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon } from "lucide-react";
import { ErrorPanel } from "@/components/common/error-panel";
import { RefreshButton } from "@/components/common/refresh-button";
import { RelativeTime } from "@/components/common/relative-time";
import { Segmented } from "@/components/common/segmented";
import { useDialogState } from "@/components/common/use-dialog-state";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { Skeleton } from "@/components/ui/skeleton";
import { toConsoleError } from "@/lib/console-error";
import { parseDurableExecutionArn } from "@/lib/durable-arn";
import { durableExecutionOptions, durableHistoryOptions } from "@/lib/queries/durable-executions";
import { routes } from "@/lib/routes";
import { formatClock, formatDuration } from "./duration-format";
import { EventsTable } from "./events-table";
import { ExecutionHeader, Metric, WaitingCallbacks } from "./execution-header";
import { buildExecutionModel, parseTime, pendingCallbacks } from "./history-model";
import { OperationInspector } from "./operation-inspector";
import { errorJson, PayloadPane } from "./payload-pane";
import { StartExecutionDialog } from "./start-execution-dialog";
import { StopExecutionDialog } from "./stop-execution-dialog";
import { Timeline } from "./timeline";
import { useNow } from "./use-now";

type View = "timeline" | "events";

/** `?view=` and `?op=` without a navigation: selection changes with every arrow key. */
function replaceQuery(changes: Record<string, string | undefined>) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v) url.searchParams.set(k, v);
    else url.searchParams.delete(k);
  }
  window.history.replaceState(window.history.state, "", url);
}

export function ExecutionView({ functionName, executionArn }: { functionName: string; executionArn: string }) {
  const detail = useQuery(durableExecutionOptions(executionArn));
  const history = useQuery(durableHistoryOptions(executionArn));
  const searchParams = useSearchParams();
  const [view, setViewState] = useState<View>(searchParams.get("view") === "events" ? "events" : "timeline");
  const [selectedId, setSelectedState] = useState<string | undefined>(searchParams.get("op") ?? undefined);
  const [inspectorOpen, setInspectorOpen] = useState(Boolean(searchParams.get("op")));
  const dialogs = useDialogState<"stop" | "rerun">();

  const model = useMemo(() => buildExecutionModel(history.data?.Events ?? []), [history.data]);
  const execution = detail.data;
  const running = (execution?.Status ?? model.status) === "RUNNING";
  const now = useNow(running, model.end ?? history.dataUpdatedAt);

  const select = useCallback((id: string) => {
    setSelectedState(id);
    replaceQuery({ op: id });
  }, []);
  const setView = (next: View) => {
    setViewState(next);
    replaceQuery({ view: next === "timeline" ? undefined : next });
  };
  const openInspector = useCallback((id: string) => {
    setSelectedState(id);
    setInspectorOpen(true);
    replaceQuery({ op: id });
  }, []);
  const closeInspector = useCallback(() => {
    setInspectorOpen(false);
    replaceQuery({ op: undefined });
    // Back to the tree, so the arrow keys go on from the row that was open.
    document.querySelector<HTMLElement>("[role=tree]")?.focus();
  }, []);

  const back = (
    <Button variant="ghost" size="sm" asChild className="-ml-2">
      <Link
        href={routes.durableExecutions(functionName, { qualifier: parseDurableExecutionArn(executionArn)?.version })}
      >
        <ArrowLeftIcon aria-hidden /> All executions
      </Link>
    </Button>
  );

  if (detail.isPending) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading the execution">
        {back}
        <Skeleton className="h-8 w-96" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }
  if (detail.isError || !execution) {
    const error = toConsoleError(detail.error);
    const missing = error.code === "ResourceNotFoundException";
    return (
      <div className="space-y-4">
        {back}
        <ErrorPanel
          error={error}
          title={missing ? "No such execution" : "Could not load the execution"}
          onRetry={() => void detail.refetch()}
        >
          {missing ? (
            <p className="text-muted-foreground">
              Its history may have passed the function&apos;s retention period, or the link names another function.
            </p>
          ) : null}
        </ErrorPanel>
      </div>
    );
  }

  const ref = parseDurableExecutionArn(executionArn);
  // A waitForCallback's callback is best known by the name of its context ("manager-approval").
  const waiting = pendingCallbacks(model).map((cb) => {
    const parent = cb.parentId ? model.byId.get(cb.parentId) : undefined;
    return { id: cb.id, label: parent?.subType === "WaitForCallback" ? parent.label : cb.label };
  });
  const selected = selectedId ? model.byId.get(selectedId) : undefined;
  const showInspector = inspectorOpen && selected !== undefined && view === "timeline";
  const start = parseTime(execution.StartTimestamp) ?? model.start;
  const end = parseTime(execution.EndTimestamp) ?? model.end;

  return (
    <div className="space-y-5">
      <section aria-label="Execution summary" className="space-y-5">
        <div className="space-y-3">
          {back}
          <ExecutionHeader
            execution={execution}
            running={running}
            onStop={() => dialogs.open("stop")}
            onRerun={() => dialogs.open("rerun")}
            refresh={
              <RefreshButton
                label="Refresh execution"
                query={{
                  isFetching: detail.isFetching || history.isFetching,
                  isRefetching: detail.isRefetching || history.isRefetching,
                  refetch: () => Promise.all([detail.refetch(), history.refetch()]),
                }}
              />
            }
          />
          <dl className="bg-card grid grid-cols-2 gap-4 rounded-lg border px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
            <Metric label="Started">
              <RelativeTime value={execution.StartTimestamp} />
            </Metric>
            <Metric label="Ended">
              {end !== undefined ? <span title={new Date(end).toISOString()}>{formatClock(end)}</span> : "—"}
            </Metric>
            <Metric label={running ? "Running for" : "Duration"}>
              {start !== undefined ? formatDuration((end ?? now) - start) : "—"}
            </Metric>
            <Metric label="Version">
              <span className="font-mono">{execution.Version ?? ref?.version ?? "$LATEST"}</span>
            </Metric>
            <Metric label="Invocations">{model.invocations.length}</Metric>
            <Metric label="Operations">{model.byId.size}</Metric>
          </dl>
        </div>

        {execution.Error ? (
          <div role="alert" className="border-destructive/30 bg-danger-soft rounded-lg border px-4 py-3 text-sm">
            <p className="font-semibold">
              {execution.Status === "STOPPED"
                ? "Stopped"
                : execution.Status === "TIMED_OUT"
                  ? "Timed out"
                  : "The execution failed"}
              {execution.Error.ErrorType ? (
                <code className="text-destructive ml-2 font-mono text-xs">{execution.Error.ErrorType}</code>
              ) : null}
            </p>
            {execution.Error.ErrorMessage ? (
              <p className="text-foreground/90 mt-1 break-words">{execution.Error.ErrorMessage}</p>
            ) : null}
          </div>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-2">
          <PayloadPane title="Input" text={execution.InputPayload} empty="No input" maxHeight="max-h-44" />
          {execution.Status === "SUCCEEDED" ? (
            <PayloadPane
              title="Result"
              text={execution.Result}
              empty="No result (the handler returned nothing)"
              maxHeight="max-h-44"
            />
          ) : execution.Error ? (
            <PayloadPane title="Error" text={errorJson(execution.Error)} tone="danger" maxHeight="max-h-44" />
          ) : (
            <PayloadPane
              title="Result"
              text={undefined}
              empty="Not yet: the execution is still running."
              maxHeight="max-h-44"
            />
          )}
        </div>
      </section>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented<View>
          label="View"
          value={view}
          onValueChange={setView}
          options={[
            { value: "timeline", label: "Timeline" },
            { value: "events", label: "Events" },
          ]}
        />
        {view === "timeline" ? (
          <p className="text-muted-foreground hidden items-center gap-1 text-xs md:flex">
            <Kbd>↑</Kbd>
            <Kbd>↓</Kbd> move · <Kbd>←</Kbd>
            <Kbd>→</Kbd> fold · <Kbd>Enter</Kbd> details · <Kbd>Esc</Kbd> close
          </p>
        ) : null}
      </div>

      {history.isPending ? (
        <Skeleton className="h-80 w-full" role="status" aria-label="Loading the history" />
      ) : history.isError ? (
        <ErrorPanel error={history.error} title="Could not load the history" onRetry={() => void history.refetch()} />
      ) : (
        <>
          {running && waiting.length > 0 && !(showInspector && selected?.type === "CALLBACK") ? (
            <WaitingCallbacks callbacks={waiting} onAnswer={openInspector} />
          ) : null}
          {history.data.Truncated ? (
            <p role="note" className="text-muted-foreground text-sm">
              This execution has more history events than the console reads at once; the newest are not shown.
            </p>
          ) : null}
          {view === "timeline" ? (
            <div className={showInspector ? "grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]" : undefined}>
              <Timeline
                model={model}
                functionName={functionName}
                now={now}
                selectedId={selectedId}
                onSelect={select}
                inspectorOpen={showInspector}
                onOpenInspector={openInspector}
                onCloseInspector={closeInspector}
              />
              {showInspector && selected ? (
                <OperationInspector
                  span={selected}
                  model={model}
                  executionArn={executionArn}
                  functionName={functionName}
                  now={now}
                  onClose={closeInspector}
                  onSelect={openInspector}
                />
              ) : null}
            </div>
          ) : (
            <EventsTable
              events={history.data.Events}
              model={model}
              onShowOperation={(id) => {
                setView("timeline");
                openInspector(id);
              }}
            />
          )}
        </>
      )}

      {running ? (
        <StopExecutionDialog
          key={`stop-${dialogs.key}`}
          open={dialogs.dialog === "stop"}
          onOpenChange={dialogs.onOpenChange}
          executionArn={executionArn}
          name={execution.DurableExecutionName}
        />
      ) : null}
      <StartExecutionDialog
        key={`rerun-${dialogs.key}`}
        functionName={functionName}
        open={dialogs.dialog === "rerun"}
        onOpenChange={dialogs.onOpenChange}
        initialPayload={execution.InputPayload || "{}"}
        {...(ref && ref.version !== "$LATEST" ? { qualifier: ref.version } : {})}
      />
    </div>
  );
}
