"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ArrowRightIcon, LoaderCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { FormField } from "@/components/common/form-field";
import { MONO_FIELD } from "@/components/common/mono-field";
import { QualifierSelect } from "@/components/common/qualifier-select";
import { Segmented } from "@/components/common/segmented";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionError } from "@/lib/actions/result";
import type { ConsoleError } from "@/lib/console-error";
import { executionKey } from "@/lib/durable-arn";
import { executionNameProblem } from "@/lib/durable-forms";
import { jsonProblem } from "@/lib/json-problem";
import { durableExecutionsOptions, useStartDurableExecution } from "@/lib/queries/durable-executions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { useSyncStart } from "./use-sync-start";

type Mode = "async" | "sync";

/** A name for a synchronous start left unnamed, so the console can find the execution while the call waits. */
function generatedName(): string {
  return `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Starts a durable execution: a name (optional), the input, and how to invoke. Asynchronous answers at
 * once with the execution's ARN and opens its timeline; synchronous waits for the execution to end (and
 * offers the timeline as soon as the execution exists).
 */
export function StartExecutionDialog({
  functionName,
  open,
  onOpenChange,
  initialPayload = "{}",
  qualifier: initialQualifier = "$LATEST",
}: {
  functionName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialPayload?: string;
  /** The version or alias to run (the one the list shows, or the execution's own). */
  qualifier?: string;
}) {
  const router = useRouter();
  const startAsync = useStartDurableExecution();
  const sync = useSyncStart(functionName);
  const [name, setName] = useState("");
  const [payload, setPayload] = useState(initialPayload);
  const [mode, setMode] = useState<Mode>("async");
  const [qualifier, setQualifier] = useState(initialQualifier);
  const qualified = qualifier !== "$LATEST" ? { qualifier } : {};
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ActionError | ConsoleError | undefined>();
  const [syncName, setSyncName] = useState<string | undefined>();

  const nameError = submitted ? executionNameProblem(name) : undefined;
  const payloadError = submitted ? jsonProblem(payload) : undefined;
  const waiting = sync.state.status === "running";

  // While a synchronous start waits, look the execution up by its name so its timeline is one click away.
  const found = useInfiniteQuery({
    ...durableExecutionsOptions(functionName, { name: syncName ?? "", ...qualified }),
    enabled: waiting && Boolean(syncName),
    refetchInterval: 1_000,
  });
  const foundArn = found.data?.pages[0]?.DurableExecutions[0]?.DurableExecutionArn;
  const foundKey = foundArn ? executionKey(foundArn) : undefined;

  function openExecution(arn: string) {
    const key = executionKey(arn);
    onOpenChange(false);
    router.push(key ? routes.durableExecution(functionName, key) : routes.function(functionName, "durable-executions"));
  }

  // The synchronous call ended: its result is on the execution's page.
  const [handled, setHandled] = useState<object | undefined>();
  if (sync.state.status !== "idle" && sync.state !== handled) {
    setHandled(sync.state);
    if (sync.state.status === "done") {
      const arn = sync.state.outcome.durableExecutionArn;
      if (arn) {
        toast.success("The execution finished", {
          description: sync.state.outcome.functionError ? "It ended with a function error." : undefined,
        });
        openExecution(arn);
      } else {
        setError({ code: "NotDurable", message: "Lambda answered without a durable execution ARN." });
      }
    } else if (sync.state.status === "failed") {
      setError(sync.state.error);
    }
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    const trimmed = name.trim();
    if (jsonProblem(payload) || executionNameProblem(name)) return;
    if (mode === "sync") {
      const chosen = trimmed || generatedName();
      setSyncName(chosen);
      void sync.start({ payload, name: chosen, ...qualified });
      return;
    }
    const result = await startAsync.mutateAsync({
      functionName,
      payload,
      ...qualified,
      ...(trimmed ? { name: trimmed } : {}),
    });
    if (result.ok) {
      toast.success("Execution started");
      openExecution(result.data.durableExecutionArn);
    } else setError(result.error);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (startAsync.isPending) return;
        if (!next) sync.cancel();
        onOpenChange(next);
      }}
    >
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Start execution</DialogTitle>
          <DialogDescription>
            Invokes <span className="text-foreground font-medium">{functionName}</span> with this input; Lambda starts a
            durable execution and checkpoints its progress.
          </DialogDescription>
        </DialogHeader>
        <form id="start-execution-form" noValidate onSubmit={onSubmit} className="grid gap-4">
          <FormField
            id="start-name"
            label="Execution name (optional)"
            error={nameError ?? (error?.code === "DurableExecutionAlreadyStartedException" ? error.message : undefined)}
            hint="Unique for this function; starting the same name twice is refused. Left blank, one is generated."
          >
            {(control) => (
              <Input
                {...control}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                className={MONO_FIELD}
                placeholder="order-42"
                value={name}
                disabled={waiting}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </FormField>
          <FormField id="start-payload" label="Input (JSON)" error={payloadError}>
            {(control) => (
              <Textarea
                {...control}
                spellCheck={false}
                rows={6}
                className={cn(MONO_FIELD, "max-h-72 min-h-28")}
                value={payload}
                disabled={waiting}
                onChange={(e) => setPayload(e.target.value)}
              />
            )}
          </FormField>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Label htmlFor="start-qualifier">Version</Label>
            <QualifierSelect
              functionName={functionName}
              id="start-qualifier"
              value={qualifier}
              onValueChange={setQualifier}
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-medium" id="start-mode-label">
              Invocation
            </span>
            <Segmented<Mode>
              label="Invocation"
              value={mode}
              onValueChange={setMode}
              options={[
                {
                  value: "async",
                  label: "Asynchronous",
                  hint: "Event: Lambda answers at once with the execution's ARN; follow it on its timeline.",
                },
                {
                  value: "sync",
                  label: "Synchronous",
                  hint: "RequestResponse: the call returns when the execution ends (at most 15 minutes).",
                },
              ]}
            />
          </div>
          {waiting ? (
            <div
              role="status"
              className="bg-accent/60 flex flex-wrap items-center gap-3 rounded-lg border px-3 py-2.5 text-sm"
            >
              <LoaderCircleIcon className="text-primary size-4 animate-spin" aria-hidden />
              <span className="min-w-0 flex-1">
                Waiting for <span className="font-mono text-[0.8125rem]">{syncName}</span> to finish…
              </span>
              {foundKey ? (
                <Button size="sm" variant="outline" asChild>
                  <Link
                    href={routes.durableExecution(functionName, foundKey)}
                    onClick={() => {
                      sync.cancel();
                      onOpenChange(false);
                    }}
                  >
                    Open timeline <ArrowRightIcon aria-hidden />
                  </Link>
                </Button>
              ) : null}
            </div>
          ) : null}
          {error && error.code !== "DurableExecutionAlreadyStartedException" ? (
            <ErrorPanel error={error} title="Could not start the execution" />
          ) : null}
        </form>
        {/* While a synchronous start waits, Cancel stays available: it stops waiting, not the execution. */}
        <FormDialogFooter
          pending={startAsync.isPending}
          disabled={waiting}
          submitLabel={waiting ? "Running…" : "Start execution"}
          pendingLabel="Starting…"
          onCancel={() => {
            sync.cancel();
            onOpenChange(false);
          }}
          form="start-execution-form"
        />
      </DialogContent>
    </Dialog>
  );
}
