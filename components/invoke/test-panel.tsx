"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import {
  CopyPlusIcon,
  EllipsisIcon,
  FilePlus2Icon,
  LayoutTemplateIcon,
  LoaderCircleIcon,
  PencilIcon,
  PlayIcon,
  SaveIcon,
  TerminalIcon,
  Trash2Icon,
  WandSparklesIcon,
} from "lucide-react";
import { toast } from "sonner";
import { EmptyState } from "@/components/common/empty-state";
import { MONO_FIELD } from "@/components/common/mono-field";
import { QualifierSelect } from "@/components/common/qualifier-select";
import { Segmented } from "@/components/common/segmented";
import { LazyCodeEditor } from "@/components/editor/lazy";
import { UpdateStatusBanner } from "@/components/functions/update-status-banner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Kbd, KbdGroup } from "@/components/ui/kbd";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { executionNameProblem } from "@/lib/durable-forms";
import type { InvocationType, InvokeMode } from "@/lib/invoke-stream";
import { jsonProblem } from "@/lib/json-problem";
import { parseLambdaArn } from "@/lib/lambda-model/arns";
import type { TestEvent } from "@/lib/lambda-types";
import { invocationOptions } from "@/lib/queries/invocations";
import { testEventsOptions, useDuplicateTestEvent, useUpdateTestEvent } from "@/lib/queries/test-events";
import { useFunction } from "@/lib/queries/use-function";
import { cn } from "@/lib/utils";
import { DEFAULT_EVENT, EVENT_TEMPLATES, templatePayload, type EventTemplate } from "./event-templates";
import { RunResult } from "./run-result";
import { DeleteEventDialog, EventNameDialog } from "./test-event-dialogs";
import { useInvokeStream } from "./use-invoke-stream";

const DRAFT = "draft";

/** What the panel remembers per function while the tab is closed (not across reloads). */
interface PanelMemory {
  selection?: string;
  /** Unsaved editor text per selection (an event id, or the draft). */
  texts: Map<string, string>;
  invocationType: InvocationType;
  qualifier: string;
}
const memory = new Map<string, PanelMemory>();
function remembered(name: string): PanelMemory {
  let m = memory.get(name);
  if (!m) {
    m = { texts: new Map(), invocationType: "RequestResponse", qualifier: "$LATEST" };
    memory.set(name, m);
  }
  return m;
}

/**
 * The response mode is a property of the function's handler, so it is kept per function across reloads
 * (localStorage). Read through useSyncExternalStore: the server renders "buffered", the client its choice.
 */
const modeListeners = new Set<() => void>();
const modeKey = (name: string) => `lambda-console:invoke-mode:${name}`;
function subscribeMode(listener: () => void) {
  modeListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    modeListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
function useInvokeMode(name: string): [InvokeMode, (mode: InvokeMode) => void] {
  const mode = useSyncExternalStore(
    subscribeMode,
    () => (window.localStorage.getItem(modeKey(name)) === "stream" ? "stream" : "buffered"),
    () => "buffered" as const,
  );
  const set = useCallback(
    (next: InvokeMode) => {
      window.localStorage.setItem(modeKey(name), next);
      modeListeners.forEach((l) => l());
    },
    [name],
  );
  return [mode, set];
}

export function TestPanel({ name }: { name: string }) {
  const { data: fn } = useFunction(name);
  const events = useQuery(testEventsOptions(name));
  const { run, invoke, cancel } = useInvokeStream(name);
  const duplicate = useDuplicateTestEvent();
  const update = useUpdateTestEvent();
  const searchParams = useSearchParams();
  const fromRequest = searchParams.get("from") ?? undefined;
  const fromRecord = useQuery({
    ...invocationOptions(fromRequest ?? "", { functionName: name }),
    enabled: Boolean(fromRequest),
  });

  const mem = remembered(name);
  const saved = useMemo(() => events.data ?? [], [events.data]);
  const [chosen, setSelection] = useState<string>(() => mem.selection ?? saved[0]?.id ?? DRAFT);
  // A chosen event that no longer exists (deleted elsewhere) falls back to the first one, or the draft.
  const selection = chosen === DRAFT || saved.some((e) => e.id === chosen) ? chosen : (saved[0]?.id ?? DRAFT);
  const selected: TestEvent | undefined = saved.find((e) => e.id === selection);
  const [texts, setTexts] = useState(() => new Map(mem.texts));
  const [invocationType, setInvocationType] = useState<InvocationType>(mem.invocationType);
  const [qualifier, setQualifier] = useState(mem.qualifier);
  // Durable functions: each invoke starts an execution, which may be named (names are unique per function).
  const durable = Boolean(fn?.Configuration.DurableConfig);
  const [executionName, setExecutionName] = useState("");
  const nameProblem = durable ? executionNameProblem(executionName) : undefined;
  const [mode, setMode] = useInvokeMode(name);
  const [dialog, setDialog] = useState<"save" | "rename" | "delete" | undefined>();
  const [dialogKey, setDialogKey] = useState(0);
  const [pendingTemplate, setPendingTemplate] = useState<EventTemplate | undefined>();

  // "Open in Test tab" from an invocation record: its payload becomes the draft, once per record
  // (adjusting state while rendering, React's pattern for "when this data arrives").
  const [appliedRecord, setAppliedRecord] = useState<string | undefined>();
  // Only the emulator's records keep payloads; one read from CloudWatch Logs has none to open.
  const record = fromRecord.data && !("Source" in fromRecord.data) ? fromRecord.data : undefined;
  if (record && appliedRecord !== record.RequestId) {
    setAppliedRecord(record.RequestId);
    setSelection(DRAFT);
    setTexts((t) => new Map(t).set(DRAFT, record.RequestPayload));
    setQualifier(record.Version);
  }

  useEffect(() => {
    Object.assign(mem, { selection, texts, invocationType, qualifier });
  }, [mem, selection, texts, invocationType, qualifier]);

  const savedText = selected?.payload;
  const text = texts.get(selection) ?? savedText ?? DEFAULT_EVENT;
  const dirty = selected ? text !== selected.payload : false;
  const problem = jsonProblem(text);
  const running = run?.status === "running";
  const arn = fn?.Configuration.FunctionArn ? parseLambdaArn(fn.Configuration.FunctionArn) : undefined;
  const templateCtx = {
    region: arn?.region ?? "us-east-1",
    account: arn?.account ?? "000000000000",
    functionName: name,
  };

  function setText(next: string) {
    setTexts((t) => new Map(t).set(selection, next));
  }

  function chooseMode(next: InvokeMode) {
    setMode(next);
    if (next === "stream" && invocationType === "Event") setInvocationType("RequestResponse");
  }

  /** `latest` is the editor's content when the shortcut came from it (it may be ahead of `text`). */
  function runInvoke(latest?: string) {
    const payload = latest ?? text;
    if (jsonProblem(payload) || running || nameProblem) return;
    void invoke({
      payload,
      invocationType,
      mode: invocationType === "Event" ? "buffered" : mode,
      ...(qualifier !== "$LATEST" ? { qualifier } : {}),
      ...(durable && executionName.trim() ? { durableExecutionName: executionName.trim() } : {}),
    });
  }

  async function save(latest?: string) {
    const payload = latest ?? text;
    if (jsonProblem(payload)) {
      toast.error("Fix the JSON before saving the event.");
      return;
    }
    if (!selected) {
      setDialogKey((k) => k + 1);
      setDialog("save");
      return;
    }
    if (payload === selected.payload) return;
    const result = await update.mutateAsync({ functionName: name, id: selected.id, payload });
    if (result.ok) {
      setTexts((t) => {
        const next = new Map(t);
        next.delete(selected.id);
        return next;
      });
      toast.success(`Saved ${result.data.name}`);
    } else {
      toast.error(result.error.message);
    }
  }

  function applyTemplate(template: EventTemplate) {
    setSelection(DRAFT);
    setTexts((t) => new Map(t).set(DRAFT, templatePayload(template, templateCtx)));
    setPendingTemplate(template);
  }

  async function duplicateSelected() {
    if (!selected) return;
    const result = await duplicate.mutateAsync({ functionName: name, id: selected.id });
    if (result.ok) {
      setSelection(result.data.id);
      toast.success(`Duplicated as ${result.data.name}`);
    } else toast.error(result.error.message);
  }

  // Ctrl/Cmd+Enter invokes and Ctrl/Cmd+S saves from anywhere on the tab (Monaco handles both itself
  // while it has focus, and marks the event handled).
  const shortcuts = useRef({ runInvoke, save });
  useEffect(() => {
    shortcuts.current = { runInvoke, save };
  });
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest("[role=dialog]")) return;
      if (e.key === "Enter") {
        e.preventDefault();
        shortcuts.current.runInvoke();
      } else if (e.key.toLowerCase() === "s") {
        e.preventDefault();
        void shortcuts.current.save();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const templatesBySource = EVENT_TEMPLATES.reduce<Record<string, EventTemplate[]>>((acc, t) => {
    (acc[t.source] ??= []).push(t);
    return acc;
  }, {});

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="min-w-0 space-y-4">
        <section aria-label="Test event" className="bg-card overflow-hidden rounded-lg border">
          <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2.5">
            <Label htmlFor="saved-event" className="sr-only">
              Saved event
            </Label>
            <Select
              value={selection}
              onValueChange={(v) => {
                setSelection(v);
                setPendingTemplate(undefined);
              }}
            >
              <SelectTrigger id="saved-event" size="sm" className="min-w-0 flex-1 font-medium">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={DRAFT}>
                  <span className="text-muted-foreground italic">Unsaved event</span>
                </SelectItem>
                {saved.length > 0 ? <SelectSeparator /> : null}
                {saved.length > 0 ? (
                  <SelectGroup>
                    <SelectLabel>Saved events</SelectLabel>
                    {saved.map((e) => (
                      <SelectItem key={e.id} value={e.id}>
                        {e.name}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                ) : null}
              </SelectContent>
            </Select>
            <div className="flex shrink-0 items-center gap-1">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => void save()}
                disabled={Boolean(selected) && (!dirty || update.isPending)}
              >
                {update.isPending ? (
                  <LoaderCircleIcon className="animate-spin" aria-hidden />
                ) : (
                  <SaveIcon aria-hidden />
                )}
                {selected ? "Save" : "Save event"}
              </Button>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon-sm" aria-label="More event actions">
                    <EllipsisIcon aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem
                    onSelect={() => {
                      setDialogKey((k) => k + 1);
                      setDialog("save");
                    }}
                    disabled={Boolean(problem)}
                  >
                    <FilePlus2Icon aria-hidden /> Save as new event…
                  </DropdownMenuItem>
                  <DropdownMenuItem
                    onSelect={() => {
                      setDialogKey((k) => k + 1);
                      setDialog("rename");
                    }}
                    disabled={!selected}
                  >
                    <PencilIcon aria-hidden /> Rename…
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => void duplicateSelected()} disabled={!selected}>
                    <CopyPlusIcon aria-hidden /> Duplicate
                  </DropdownMenuItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem variant="destructive" onSelect={() => setDialog("delete")} disabled={!selected}>
                    <Trash2Icon aria-hidden /> Delete…
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </div>
          </div>
          <div className="h-80 border-b">
            <LazyCodeEditor
              path={`events/${name}/${selection}.json`}
              value={text}
              language="json"
              ariaLabel="Event JSON"
              onChange={setText}
              onSave={(value) => void save(value)}
              onRun={runInvoke}
              options={{ lineNumbers: "off", folding: true, glyphMargin: false, lineDecorationsWidth: 8 }}
            />
          </div>
          <div className="flex items-center gap-1 px-3 py-2">
            <p
              id="invoke-event-status"
              className={cn("min-w-0 flex-1 truncate text-xs", problem ? "text-destructive" : "text-muted-foreground")}
            >
              {dirty && !problem ? <span className="text-warning font-medium">Unsaved changes · </span> : null}
              {problem
                ? `Invalid JSON: ${problem}`
                : `Valid JSON · ${new TextEncoder().encode(text).length.toLocaleString()} bytes`}
            </p>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              disabled={Boolean(problem)}
              onClick={() => setText(JSON.stringify(JSON.parse(text), null, 2))}
            >
              <WandSparklesIcon aria-hidden /> Format
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="sm">
                  <LayoutTemplateIcon aria-hidden /> Templates
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="max-h-96 w-72">
                {Object.entries(templatesBySource).map(([source, list], i) => (
                  <div key={source}>
                    {i > 0 ? <DropdownMenuSeparator /> : null}
                    <DropdownMenuLabel className="text-muted-foreground text-xs">{source}</DropdownMenuLabel>
                    {list.map((t) => (
                      <DropdownMenuItem
                        key={t.id}
                        onSelect={() => applyTemplate(t)}
                        className="flex-col items-start gap-0"
                      >
                        <span>{t.label}</span>
                        <span className="text-muted-foreground text-xs">{t.description}</span>
                      </DropdownMenuItem>
                    ))}
                  </div>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </section>

        <section aria-label="Invocation settings" className="bg-card space-y-3 rounded-lg border px-4 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-medium" id="invocation-type-label">
              Invocation type
            </span>
            <Segmented<InvocationType>
              label="Invocation type"
              value={invocationType}
              onValueChange={setInvocationType}
              options={[
                {
                  value: "RequestResponse",
                  label: "RequestResponse",
                  hint: "Synchronous: wait for the response and the log tail.",
                },
                {
                  value: "Event",
                  label: "Event",
                  hint: "Asynchronous: Lambda queues the event and answers 202 at once.",
                  disabled: mode === "stream",
                },
                {
                  value: "DryRun",
                  label: "DryRun",
                  hint: "Check parameters and permission only; the function does not run (204).",
                },
              ]}
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Label htmlFor="invoke-qualifier" className="text-sm font-medium">
              Qualifier
            </Label>
            <QualifierSelect
              functionName={name}
              id="invoke-qualifier"
              value={qualifier}
              onValueChange={setQualifier}
              showDescriptions
              className="min-w-44"
            />
          </div>
          {durable ? (
            <div className="space-y-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Label htmlFor="invoke-execution-name" className="text-sm font-medium">
                  Execution name
                </Label>
                <Input
                  id="invoke-execution-name"
                  placeholder="optional"
                  autoComplete="off"
                  spellCheck={false}
                  value={executionName}
                  onChange={(e) => setExecutionName(e.target.value)}
                  aria-invalid={nameProblem ? true : undefined}
                  aria-describedby="invoke-execution-name-hint"
                  className={cn(MONO_FIELD, "h-8 w-56")}
                />
              </div>
              <p
                id="invoke-execution-name-hint"
                className={cn("text-right text-xs", nameProblem ? "text-destructive" : "text-muted-foreground")}
              >
                {nameProblem ?? "A durable function: each invoke starts an execution. Lambda names it if you don't."}
              </p>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-medium">Response</span>
            <Segmented<InvokeMode>
              label="Response"
              value={invocationType === "Event" ? "buffered" : mode}
              onValueChange={chooseMode}
              options={[
                {
                  value: "buffered",
                  label: "Buffered",
                  hint: "Invoke: the whole response arrives when the function returns.",
                },
                {
                  value: "stream",
                  label: "Streamed",
                  hint: "InvokeWithResponseStream: chunks arrive as a streaming handler (awslambda.streamifyResponse) writes them.",
                  disabled: invocationType === "Event",
                },
              ]}
            />
          </div>
        </section>

        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => runInvoke()} disabled={Boolean(problem) || Boolean(nameProblem) || running}>
            {running ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <PlayIcon aria-hidden />}
            {running ? "Invoking…" : "Invoke"}
          </Button>
          <KbdGroup className="text-muted-foreground text-xs">
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> invokes · <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> saves the event
          </KbdGroup>
        </div>
      </div>

      <div className="min-w-0 space-y-4">
        {fn ? <UpdateStatusBanner config={fn.Configuration} /> : null}
        {fromRequest && fromRecord.isPending ? (
          <p role="status" className="text-muted-foreground text-sm">
            Loading the payload of {fromRequest}…
          </p>
        ) : null}
        {run ? (
          <RunResult functionName={name} run={run} onCancel={cancel} onRetry={() => runInvoke()} />
        ) : (
          <EmptyState
            icon={TerminalIcon}
            title="No invocation yet"
            description="Invoke the function to see its response, duration, memory and the tail of its log here. Streamed responses appear chunk by chunk."
          />
        )}
      </div>

      <EventNameDialog
        key={`name-${dialogKey}-${dialog}`}
        mode={dialog === "rename" ? "rename" : "create"}
        functionName={name}
        open={dialog === "save" || dialog === "rename"}
        onOpenChange={(open) => !open && setDialog(undefined)}
        payload={text}
        {...(selected ? { event: selected } : {})}
        suggestedName={pendingTemplate?.eventName ?? (selected ? `${selected.name}-2`.slice(0, 25) : "my-event")}
        onSaved={(event) => {
          if (dialog === "save") {
            setTexts((t) => {
              const next = new Map(t);
              next.delete(DRAFT);
              return next;
            });
            setPendingTemplate(undefined);
          }
          setSelection(event.id);
        }}
      />
      <DeleteEventDialog
        functionName={name}
        event={selected}
        open={dialog === "delete"}
        onOpenChange={(open) => !open && setDialog(undefined)}
        onDeleted={() => {
          setSelection(saved.find((e) => e.id !== selected?.id)?.id ?? DRAFT);
        }}
      />
    </div>
  );
}
