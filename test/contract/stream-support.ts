/**
 * Helpers for the streaming contract tests: a "gate" server that functions call to wait until the test
 * lets them go on (so a test proves a chunk arrived before the function wrote the next one, with no
 * timing assumption), and readers that timestamp what arrives from the SDK's event stream or a fetch body.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InvokeWithResponseStreamResponseEvent } from "@aws-sdk/client-lambda";

export interface Gate {
  /** Base URL a function fetches `${url}/<name>` from; the answer waits for `open(name)`. */
  url: string;
  open(name: string): void;
  /** Resolves once a function is waiting at `name` (it reached that point of its code). */
  reached(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startGate(): Promise<Gate> {
  const waiting = new Map<string, ServerResponse[]>();
  const opened = new Set<string>();
  const arrivals = new Map<string, () => void>();
  const arrived = new Set<string>();
  const server = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1);
    arrived.add(name);
    arrivals.get(name)?.();
    if (opened.has(name)) {
      res.end("open");
      return;
    }
    waiting.set(name, [...(waiting.get(name) ?? []), res]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    open(name) {
      opened.add(name);
      for (const res of waiting.get(name) ?? []) res.end("open");
      waiting.delete(name);
    },
    reached(name) {
      if (arrived.has(name)) return Promise.resolve();
      return new Promise((resolve) => arrivals.set(name, resolve));
    },
    close() {
      for (const list of waiting.values()) for (const res of list) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Arrival<T> {
  at: number;
  value: T;
}

export interface ReadStream {
  chunks: Arrival<Buffer>[];
  complete?: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string };
  /** Events after InvokeComplete (there must be none). */
  afterComplete: number;
}

/** Reads an InvokeWithResponseStream event stream, calling `onChunk` as each chunk arrives. */
export async function readEventStream(
  stream: AsyncIterable<InvokeWithResponseStreamResponseEvent> | undefined,
  onChunk: (text: string, index: number) => void = () => {},
): Promise<ReadStream> {
  const out: ReadStream = { chunks: [], afterComplete: 0 };
  for await (const event of stream ?? []) {
    if (out.complete) {
      out.afterComplete++;
      continue;
    }
    if (event.PayloadChunk) {
      const value = Buffer.from(event.PayloadChunk.Payload ?? new Uint8Array());
      out.chunks.push({ at: performance.now(), value });
      onChunk(value.toString("utf8"), out.chunks.length - 1);
    } else if (event.InvokeComplete) {
      const c = event.InvokeComplete;
      out.complete = {
        ...(c.ErrorCode !== undefined ? { ErrorCode: c.ErrorCode } : {}),
        ...(c.ErrorDetails !== undefined ? { ErrorDetails: c.ErrorDetails } : {}),
        ...(c.LogResult !== undefined ? { LogResult: c.LogResult } : {}),
      };
    }
  }
  return out;
}

/** Reads a fetch body piece by piece, calling `onPiece` with the text so far as each piece arrives. */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  onPiece: (textSoFar: string) => void = () => {},
): Promise<{ pieces: Arrival<Buffer>[]; text: string }> {
  const pieces: Arrival<Buffer>[] = [];
  if (!body) return { pieces, text: "" };
  const reader = body.getReader();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const piece = Buffer.from(value);
    pieces.push({ at: performance.now(), value: piece });
    text += piece.toString("utf8");
    onPiece(text);
  }
  return { pieces, text };
}
