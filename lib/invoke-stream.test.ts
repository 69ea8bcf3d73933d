import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bytesToBase64,
  createSseParser,
  decodeLogResult,
  encodeSseEvent,
  InvokeRequestSchema,
  type InvokeStreamEvent,
} from "./invoke-stream";

const events: InvokeStreamEvent[] = [
  {
    type: "meta",
    mode: "stream",
    invocationType: "RequestResponse",
    statusCode: 200,
    requestId: "r-1",
    executedVersion: "$LATEST",
  },
  { type: "chunk", base64: bytesToBase64(new TextEncoder().encode("hello")) },
  { type: "complete", logResult: btoa("START RequestId: r-1\n") },
  { type: "error", code: "ResourceNotFoundException", message: "Function not found", status: 404 },
];

describe("SSE encoding and parsing", () => {
  it("round-trips every event type", () => {
    const parser = createSseParser();
    const wire = events.map(encodeSseEvent).join("");
    expect([...parser.push(wire), ...parser.end()]).toEqual(events);
  });

  it("reassembles events split at every possible byte boundary", () => {
    const wire = events.map(encodeSseEvent).join("");
    for (let cut = 1; cut < wire.length; cut++) {
      const parser = createSseParser();
      const got = [...parser.push(wire.slice(0, cut)), ...parser.push(wire.slice(cut)), ...parser.end()];
      expect(got).toEqual(events);
    }
  });

  it("accepts CRLF, comments, multi-line data and a final event without its blank line", () => {
    const parser = createSseParser();
    const got = parser.push(
      ': keep-alive\r\nevent: chunk\r\ndata: {"base64":\r\ndata: "QQ=="}\r\n\r\nevent: complete\ndata: {}',
    );
    expect(got).toEqual([{ type: "chunk", base64: "QQ==" }]);
    expect(parser.end()).toEqual([{ type: "complete" }]);
  });

  it("skips unknown event types and malformed JSON", () => {
    const parser = createSseParser();
    expect(parser.push("event: ping\ndata: {}\n\nevent: chunk\ndata: {nope\n\n")).toEqual([]);
  });
});

describe("base64 helpers", () => {
  it("round-trips binary and large buffers", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
  it("decodes a UTF-8 log result", () => {
    expect(decodeLogResult(bytesToBase64(new TextEncoder().encode("é ✓")))).toBe("é ✓");
    expect(decodeLogResult(undefined)).toBeUndefined();
  });
});

describe("InvokeRequestSchema", () => {
  it("defaults to a buffered RequestResponse", () => {
    expect(InvokeRequestSchema.parse({ payload: "{}" })).toEqual({
      payload: "{}",
      invocationType: "RequestResponse",
      mode: "buffered",
    });
  });
  it("rejects invalid JSON, oversized async payloads and streamed Event invokes", () => {
    expect(InvokeRequestSchema.safeParse({ payload: "{" }).success).toBe(false);
    const big = JSON.stringify({ a: "x".repeat(1024 * 1024) });
    expect(InvokeRequestSchema.safeParse({ payload: big, invocationType: "Event" }).success).toBe(false);
    expect(InvokeRequestSchema.safeParse({ payload: big, invocationType: "RequestResponse" }).success).toBe(true);
    expect(InvokeRequestSchema.safeParse({ payload: "{}", invocationType: "Event", mode: "stream" }).success).toBe(
      false,
    );
  });
  it("accepts $LATEST, versions and aliases as qualifiers", () => {
    for (const q of ["$LATEST", "3", "prod", "blue-green_1"]) {
      expect(InvokeRequestSchema.safeParse({ payload: "{}", qualifier: q }).success).toBe(true);
    }
    expect(InvokeRequestSchema.safeParse({ payload: "{}", qualifier: "a b" }).success).toBe(false);
  });
});
