"use client";

import { cn } from "@/lib/utils";
import { MONO_FIELD } from "@/components/common/mono-field";
import { useState } from "react";
import { LoaderCircleIcon, PlayIcon, TerminalIcon, WandSparklesIcon } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import { ErrorPanel } from "@/components/common/error-panel";
import { Button } from "@/components/ui/button";
import { Kbd, KbdGroup } from "@/components/ui/kbd";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useInvokeFunction } from "@/lib/queries/functions";
import { useFunction } from "@/lib/queries/use-function";
import { UpdateStatusBanner } from "@/components/functions/update-status-banner";
import { Elapsed } from "./elapsed";
import { InvokeResult } from "./invoke-result";

const DEFAULT_EVENT = JSON.stringify({ key1: "value1", key2: "value2", key3: "value3" }, null, 2);

// The event survives switching tabs within the session (the page unmounts); saved events come later.
const drafts = new Map<string, string>();

function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "Not valid JSON";
  }
}

export function InvokePanel({ name }: { name: string }) {
  const { data } = useFunction(name);
  const invoke = useInvokeFunction();
  const [event, setEvent] = useState(() => drafts.get(name) ?? DEFAULT_EVENT);
  const problem = jsonProblem(event);
  const pending = invoke.isPending;

  function change(text: string) {
    setEvent(text);
    drafts.set(name, text);
  }

  function run() {
    if (problem || pending) return;
    invoke.mutate({ functionName: name, payload: event });
  }

  const result = invoke.data;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div className="flex items-end justify-between gap-3">
          <div>
            <Label htmlFor="invoke-event" className="text-sm font-semibold">
              Event JSON
            </Label>
            <p className="text-muted-foreground mt-1 text-xs">Sent as the invocation payload, synchronously.</p>
          </div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={Boolean(problem)}
            onClick={() => change(JSON.stringify(JSON.parse(event), null, 2))}
          >
            <WandSparklesIcon aria-hidden /> Format
          </Button>
        </div>
        <Textarea
          id="invoke-event"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby="invoke-event-status"
          className={cn("bg-code min-h-72 leading-relaxed [field-sizing:fixed]", MONO_FIELD)}
          value={event}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              run();
            }
          }}
        />
        <p id="invoke-event-status" className={problem ? "text-destructive text-xs" : "text-muted-foreground text-xs"}>
          {problem ? `Invalid JSON: ${problem}` : "Valid JSON"}
        </p>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={Boolean(problem) || pending}>
            {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <PlayIcon aria-hidden />}
            {pending ? "Invoking…" : "Invoke"}
          </Button>
          <KbdGroup className="text-muted-foreground text-xs">
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>
          </KbdGroup>
        </div>
      </form>

      <div className="min-w-0 space-y-4" aria-live="polite">
        {data ? <UpdateStatusBanner config={data.Configuration} /> : null}
        {pending ? (
          <div
            role="status"
            className="text-muted-foreground flex items-center gap-2.5 rounded-lg border px-4 py-6 text-sm"
          >
            <LoaderCircleIcon className="size-4 animate-spin" aria-hidden />
            <span className="flex-1">Invoking {name}… the first call also starts an execution environment.</span>
            <Elapsed />
          </div>
        ) : invoke.error ? (
          <ErrorPanel error={invoke.error} title={`Could not invoke ${name}`} onRetry={run} />
        ) : result && !result.ok ? (
          <ErrorPanel error={result.error} title={`Could not invoke ${name}`} onRetry={run} />
        ) : result?.ok ? (
          <InvokeResult outcome={result.data} />
        ) : (
          <EmptyState
            icon={TerminalIcon}
            title="No invocation yet"
            description="Invoke the function to see its response, duration, memory and the tail of its log here."
          />
        )}
      </div>
    </div>
  );
}
