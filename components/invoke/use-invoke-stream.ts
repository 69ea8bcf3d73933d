"use client";
/**
 * Runs invocations through `POST /api/functions/{name}/invoke-stream` and folds the events into an
 * `InvocationRun` as they arrive, so streamed responses render chunk by chunk. Leaving the page (or
 * invoking again) aborts the request, and the route aborts the call upstream.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import { ApiError, type ConsoleError } from "@/lib/console-error";
import { createSseParser } from "@/lib/invoke-stream";
import { routes } from "@/lib/routes";
import { runReducer, startRun, type InvocationRun, type RunAction, type RunRequest } from "./invocation-run";

type State = InvocationRun | undefined;

function reducer(state: State, action: RunAction | { type: "start"; request: RunRequest; startedAt: number }): State {
  if (action.type === "start") return startRun(action.request, action.startedAt);
  return state ? runReducer(state, action) : state;
}

// The last run per function outlives the Test tab's component (switching tabs), not a reload.
const lastRuns = new Map<string, InvocationRun>();

export function useInvokeStream(functionName: string) {
  const [run, dispatch] = useReducer(reducer, undefined, () => lastRuns.get(functionName));
  const controller = useRef<AbortController | undefined>(undefined);
  // Each invoke gets a number; events of an older (aborted) invoke must not land in the newer run.
  const current = useRef(0);

  useEffect(() => {
    if (run && run.status !== "running") lastRuns.set(functionName, run);
  }, [functionName, run]);

  useEffect(() => () => controller.current?.abort(), []);

  const invoke = useCallback(
    async (request: RunRequest): Promise<void> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const mine = ++current.current;
      const send = (action: RunAction) => {
        if (current.current === mine) dispatch(action);
      };
      const started = performance.now();
      dispatch({ type: "start", request, startedAt: started });
      const at = () => Math.round(performance.now() - started);
      const fail = (error: ConsoleError) => send({ type: "failed", error, at: at() });
      let response: Response;
      try {
        response = await fetch(routes.api.invokeStream(functionName), {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify(request),
          signal: abort.signal,
        });
      } catch (error) {
        if (abort.signal.aborted) {
          send({ type: "aborted", at: at() });
          return;
        }
        fail({ code: "NetworkError", message: `The console server did not answer (${String(error)}).` });
        return;
      }
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => undefined)) as { error?: ConsoleError } | undefined;
        fail(body?.error ?? new ApiError({ code: `Http${response.status}`, message: response.statusText }).toJSON());
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createSseParser();
      let finished = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          const events = done ? parser.end() : parser.push(value);
          for (const event of events) {
            if (event.type === "complete" || event.type === "error") finished = true;
            send({ type: "event", event, at: at() });
          }
          if (done) break;
        }
        if (!finished) send({ type: "closed", at: at() });
      } catch {
        send({ type: abort.signal.aborted ? "aborted" : "closed", at: at() });
      }
    },
    [functionName],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { run, invoke, cancel };
}
