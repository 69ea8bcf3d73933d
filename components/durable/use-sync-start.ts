"use client";
/**
 * A synchronous start (Invoke, RequestResponse): the call returns only when the execution ends, which can
 * take minutes. It goes through the invoke-stream route, not a server action — actions run one at a time,
 * so a long one would hold up everything else, including the callback that lets the execution finish.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleError } from "@/lib/console-error";
import { createSseParser, base64ToBytes, type InvokeStreamEvent } from "@/lib/invoke-stream";
import { routes } from "@/lib/routes";

export interface SyncStartOutcome {
  durableExecutionArn?: string;
  /** The response payload (the execution's result, or the function error). */
  payload: string;
  functionError?: string;
}

export type SyncStartState =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; outcome: SyncStartOutcome }
  | { status: "failed"; error: ConsoleError };

export function useSyncStart(functionName: string) {
  const [state, setState] = useState<SyncStartState>({ status: "idle" });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (input: { payload: string; name?: string; qualifier?: string }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: "running" });
      try {
        const response = await fetch(routes.api.invokeStream(functionName), {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({
            payload: input.payload,
            invocationType: "RequestResponse",
            mode: "buffered",
            ...(input.qualifier ? { qualifier: input.qualifier } : {}),
            ...(input.name ? { durableExecutionName: input.name } : {}),
          }),
          signal: abort.signal,
        });
        if (!response.ok || !response.body) {
          const body = (await response.json().catch(() => undefined)) as { error?: ConsoleError } | undefined;
          setState({
            status: "failed",
            error: body?.error ?? { code: `Http${response.status}`, message: response.statusText },
          });
          return;
        }
        const events = await readAll(response.body);
        const error = events.find((e) => e.type === "error");
        if (error?.type === "error") {
          const { type: _type, ...detail } = error;
          setState({ status: "failed", error: detail });
          return;
        }
        const meta = events.find((e) => e.type === "meta");
        const complete = events.find((e) => e.type === "complete");
        const bytes = events.flatMap((e) => (e.type === "chunk" ? [...base64ToBytes(e.base64)] : []));
        setState({
          status: "done",
          outcome: {
            ...(meta?.type === "meta" && meta.durableExecutionArn
              ? { durableExecutionArn: meta.durableExecutionArn }
              : {}),
            payload: new TextDecoder().decode(new Uint8Array(bytes)),
            ...(complete?.type === "complete" && complete.errorCode ? { functionError: complete.errorCode } : {}),
          },
        });
      } catch (error) {
        if (abort.signal.aborted) return;
        setState({
          status: "failed",
          error: { code: "NetworkError", message: `The console server did not answer (${String(error)}).` },
        });
      }
    },
    [functionName],
  );

  /** Stops waiting (closing the dialog); the execution itself goes on. */
  const cancel = useCallback(() => {
    controller.current?.abort();
    setState({ status: "idle" });
  }, []);

  return { state, start, cancel };
}

async function readAll(body: NonNullable<Response["body"]>): Promise<InvokeStreamEvent[]> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  const out: InvokeStreamEvent[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    out.push(...(done ? parser.end() : parser.push(value)));
    if (done) return out;
  }
}
