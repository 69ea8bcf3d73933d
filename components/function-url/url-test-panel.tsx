"use client";

import { useState } from "react";
import { LoaderCircleIcon, SendIcon } from "lucide-react";
import { ErrorPanel } from "@/components/common/error-panel";
import { JsonView } from "@/components/common/json-view";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { UrlTestRequestSchema } from "@/lib/function-url-forms";
import type { FunctionUrlAuthType } from "@/lib/lambda-types";
import { useTestFunctionUrl } from "@/lib/queries/function-url";
import { cn } from "@/lib/utils";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

function statusTone(status: number): string {
  if (status < 300) return "bg-success-soft text-success border-success/25";
  if (status < 500) return "bg-warning-soft text-warning border-warning/30";
  return "bg-danger-soft text-destructive border-destructive/25";
}

/**
 * Calls the URL from the console's server and shows the HTTP answer: the quickest check that the URL,
 * its auth type and the function's response mapping work together (a browser fetch would need CORS).
 */
export function UrlTestPanel({ name, authType }: { name: string; authType: FunctionUrlAuthType }) {
  const test = useTestFunctionUrl(name);
  const [method, setMethod] = useState<Method>("GET");
  const [path, setPath] = useState("/");
  const [body, setBody] = useState('{\n  "hello": "world"\n}');
  const [problem, setProblem] = useState<string | undefined>();
  const hasBody = method !== "GET";

  async function onSend(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      method,
      path: path.trim() || "/",
      ...(hasBody ? { body, contentType: "application/json" } : {}),
    };
    const parsed = UrlTestRequestSchema.safeParse(input);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message);
      return;
    }
    setProblem(undefined);
    test.mutate(parsed.data);
  }

  const result = test.data;
  const contentType = result?.headers.find(([k]) => k === "content-type")?.[1] ?? "";

  return (
    <div className="space-y-3">
      <form onSubmit={onSend} className="flex flex-wrap items-start gap-2" aria-label="Test the function URL">
        <Select value={method} onValueChange={(v) => setMethod(v as Method)}>
          <SelectTrigger aria-label="Method" size="sm" className="w-28 font-mono text-xs">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {METHODS.map((m) => (
              <SelectItem key={m} value={m} className="font-mono text-xs">
                {m}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <div className="min-w-48 flex-1">
          <Input
            aria-label="Path and query"
            aria-invalid={problem ? true : undefined}
            className={cn("h-8", MONO_FIELD)}
            spellCheck={false}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/path?query=1"
          />
          {problem ? <p className="text-destructive mt-1 text-xs">{problem}</p> : null}
        </div>
        <Button type="submit" size="sm" disabled={test.isPending}>
          {test.isPending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <SendIcon aria-hidden />}
          {test.isPending ? "Sending…" : "Send request"}
        </Button>
        {hasBody ? (
          <Textarea
            aria-label="Request body"
            rows={3}
            spellCheck={false}
            className={cn("basis-full", MONO_FIELD)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        ) : null}
      </form>
      <p className="text-muted-foreground text-xs">
        Sent from the console&apos;s server{authType === "AWS_IAM" ? ", signed with its credentials (SigV4)" : ""}.
      </p>

      {test.isError ? <ErrorPanel error={test.error} title="The request failed" /> : null}
      {result ? (
        <section aria-label="URL response" className="space-y-2 rounded-lg border p-3">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span
              className={cn(
                "inline-flex h-5 items-center rounded-full border px-2 font-medium tabular",
                statusTone(result.status),
              )}
            >
              {result.status} {result.statusText}
            </span>
            <span className="text-muted-foreground tabular">{result.durationMs} ms</span>
            {contentType ? <span className="text-muted-foreground font-mono">{contentType}</span> : null}
          </div>
          <details className="text-xs">
            <summary className="text-muted-foreground hover:text-foreground cursor-pointer select-none">
              {result.headers.length} response headers
            </summary>
            <dl className="mt-2 grid grid-cols-[minmax(8rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono">
              {result.headers.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted-foreground">{k}</dt>
                  <dd className="break-all">{v}</dd>
                </div>
              ))}
            </dl>
          </details>
          <JsonView text={result.body} label="Response body" className="max-h-72" />
        </section>
      ) : null}
    </div>
  );
}
