/**
 * The `application/vnd.amazon.eventstream` frames InvokeWithResponseStream answers with, encoded by the
 * SDK's own codec (prelude, headers, CRCs) so that the SDK's async iterator reads them exactly as it reads
 * the service's: `PayloadChunk` events (body = the chunk's bytes) and one closing `InvokeComplete`.
 */
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";

export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";

/** InvokeWithResponseStreamCompleteEvent, as the reference names its members. */
export interface InvokeCompleteEvent {
  ErrorCode?: string;
  ErrorDetails?: string;
  /** Base64 of the last 4 KB of the log (LogType Tail). */
  LogResult?: string;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function eventFrame(eventType: string, contentType: string, body: Uint8Array): Buffer {
  const frame = codec.encode({
    headers: {
      ":event-type": { type: "string", value: eventType },
      ":content-type": { type: "string", value: contentType },
      ":message-type": { type: "string", value: "event" },
    },
    body,
  });
  return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
}

/** One `PayloadChunk` event carrying `bytes` as its Payload blob. */
export function payloadChunkFrame(bytes: Uint8Array): Buffer {
  return eventFrame("PayloadChunk", "application/octet-stream", bytes);
}

/** The closing `InvokeComplete` event (members left out when absent, as the service does). */
export function invokeCompleteFrame(event: InvokeCompleteEvent): Buffer {
  return eventFrame("InvokeComplete", "application/json", Buffer.from(JSON.stringify(event)));
}
