import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "@/lib/invoke-stream";
import {
  HTTP_INTEGRATION_CONTENT_TYPE,
  runReducer,
  splitHttpPrelude,
  startRun,
  viewRun,
  type InvocationRun,
  type RunAction,
} from "./invocation-run";

const enc = (s: string) => new TextEncoder().encode(s);
const chunk = (bytes: Uint8Array, at: number): RunAction => ({
  type: "event",
  event: { type: "chunk", base64: bytesToBase64(bytes) },
  at,
});
const request = { payload: "{}", invocationType: "RequestResponse" as const, mode: "stream" as const };
const LOG =
  "START RequestId: r-1\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 903.2 ms\tBilled Duration: 904 ms\tMemory Size: 128 MB\tMax Memory Used: 51 MB\t\n";

function play(actions: RunAction[]): InvocationRun {
  return actions.reduce(runReducer, startRun(request));
}

describe("runReducer", () => {
  it("collects meta, chunks with their arrival times, and completion", () => {
    const run = play([
      {
        type: "event",
        event: { type: "meta", mode: "stream", invocationType: "RequestResponse", statusCode: 200, requestId: "r-1" },
        at: 40,
      },
      chunk(enc("one "), 45),
      chunk(enc("two"), 350),
      { type: "event", event: { type: "complete", logResult: btoa(LOG) }, at: 360 },
    ]);
    expect(run.status).toBe("done");
    expect(run.chunks.map((c) => c.at)).toEqual([45, 350]);
    expect(run.totalBytes).toBe(7);
    expect(run.elapsedMs).toBe(360);
    const view = viewRun(run);
    expect(view.body).toBe("one two");
    expect(view.report).toMatchObject({ durationMs: 903.2, billedDurationMs: 904, maxMemoryUsedMb: 51 });
    expect(view.functionError).toBeUndefined();
  });

  it("ignores events after the run ended and reports an interrupted stream", () => {
    const done = play([{ type: "event", event: { type: "complete" }, at: 1 }, chunk(enc("late"), 2)]);
    expect(done.chunks).toEqual([]);
    expect(play([chunk(enc("x"), 1), { type: "closed", at: 5 }]).error?.code).toBe("StreamInterrupted");
    expect(play([{ type: "aborted", at: 5 }]).status).toBe("aborted");
  });

  it("turns an error event into a failed run with the AWS detail", () => {
    const run = play([
      {
        type: "event",
        event: { type: "error", code: "ResourceNotFoundException", message: "nope", status: 404 },
        at: 9,
      },
    ]);
    expect(run).toMatchObject({ status: "failed", error: { code: "ResourceNotFoundException", status: 404 } });
  });

  it("reads errorType and errorMessage from InvokeComplete's details or the error payload", () => {
    const streamed = play([
      {
        type: "event",
        event: {
          type: "complete",
          errorCode: "Unhandled",
          errorDetails: '{"errorType":"Error","errorMessage":"boom"}',
        },
        at: 1,
      },
    ]);
    expect(viewRun(streamed)).toMatchObject({ functionError: "Unhandled", errorType: "Error", errorMessage: "boom" });
    const buffered = play([
      chunk(enc('{"errorType":"TypeError","errorMessage":"x is undefined"}'), 1),
      { type: "event", event: { type: "complete", errorCode: "Unhandled" }, at: 2 },
    ]);
    expect(viewRun(buffered)).toMatchObject({ errorType: "TypeError", errorMessage: "x is undefined" });
    // A streaming handler that throws: InvokeComplete names the type in ErrorCode, the message in ErrorDetails.
    const thrown = play([
      chunk(enc("partial output"), 1),
      {
        type: "event",
        event: { type: "complete", errorCode: "RangeError", errorDetails: "ran out of widgets" },
        at: 2,
      },
    ]);
    expect(viewRun(thrown)).toMatchObject({
      body: "partial output",
      functionError: "RangeError",
      errorType: "RangeError",
      errorMessage: "ran out of widgets",
    });
  });
});

describe("HTTP integration responses", () => {
  const prelude = enc(JSON.stringify({ statusCode: 201, headers: { "content-type": "text/plain" }, cookies: ["a=1"] }));
  const nul = new Uint8Array(8);

  it("splits the prelude from the body once the 8 NUL bytes arrive", () => {
    const meta: RunAction = {
      type: "event",
      event: {
        type: "meta",
        mode: "stream",
        invocationType: "RequestResponse",
        statusCode: 200,
        contentType: HTTP_INTEGRATION_CONTENT_TYPE,
      },
      at: 1,
    };
    const pending = viewRun(play([meta, chunk(prelude, 2)]));
    expect(pending).toMatchObject({ preludePending: true, body: "" });
    const view = viewRun(
      play([meta, chunk(prelude, 2), chunk(nul, 3), chunk(enc("hello "), 4), chunk(enc("world"), 5)]),
    );
    expect(view).toMatchObject({
      preludePending: false,
      http: { statusCode: 201, headers: { "content-type": "text/plain" }, cookies: ["a=1"] },
      body: "hello world",
    });
  });

  it("finds the delimiter even when split across chunks, and keeps NULs inside the body", () => {
    const bytes = new Uint8Array([...prelude, ...nul, 104, 0, 105]);
    const split = splitHttpPrelude(bytes);
    expect(split.prelude?.statusCode).toBe(201);
    expect([...split.body]).toEqual([104, 0, 105]);
  });

  it("recognises the prelude by its shape when the content type is the event stream's own", () => {
    const meta: RunAction = {
      type: "event",
      event: {
        type: "meta",
        mode: "stream",
        invocationType: "RequestResponse",
        statusCode: 200,
        contentType: "application/vnd.amazon.eventstream",
      },
      at: 1,
    };
    const view = viewRun(play([meta, chunk(prelude, 2), chunk(nul, 3), chunk(enc("body"), 4)]));
    expect(view).toMatchObject({ http: { statusCode: 201 }, body: "body" });
    // Plain JSON output without the NUL delimiter stays a plain body.
    expect(viewRun(play([meta, chunk(enc('{"a":1}'), 2)]))).toMatchObject({ body: '{"a":1}', preludePending: false });
    expect(viewRun(play([meta, chunk(enc('{"a":1}'), 2)])).http).toBeUndefined();
  });

  it("leaves a non-JSON prelude in the body", () => {
    const bytes = new Uint8Array([...enc("not json"), ...nul, 65]);
    expect(splitHttpPrelude(bytes)).toMatchObject({ pending: false, body: bytes });
  });
});
