/**
 * The event a durable function is invoked with: the DurableExecutionInvocationInput envelope with a fresh
 * checkpoint token and the operations so far (EXECUTION first, start order, ISO timestamps), paged beyond
 * what one event should carry — the SDK reads the rest with GetDurableExecutionState.
 */
import { encodeMarker } from "../api/paging";
import type { ExecutionSession } from "./session";
import { isoString, operationOut } from "./wire";

/** The event carries at most this many operations… */
const EVENT_MAX_OPERATIONS = 1_000;
/** …and at most this much of them, well under the 6 MB invocation payload. */
const EVENT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The event the function gets: the envelope with a fresh token and the operations so far (EXECUTION
 * first), ISO timestamps, paged beyond what one event should carry. Delivering them clears the dirty set.
 */
export function invocationEvent(session: ExecutionSession, token: string): Buffer {
  const ordered = session.ordered();
  const updated = ordered.filter((o) => o.dirty && o.op.Type !== "EXECUTION").map((o) => o.op.Id);
  const operations: object[] = [];
  let bytes = 0;
  let lastSeq: number | undefined;
  for (const o of ordered) {
    if (o.dirty) {
      o.dirty = false;
      o.changed = true;
    }
    if (operations.length >= EVENT_MAX_OPERATIONS || bytes > EVENT_MAX_BYTES) continue;
    const out = operationOut(o.op, isoString);
    bytes += JSON.stringify(out).length;
    operations.push(out);
    lastSeq = o.seq;
  }
  const more = operations.length < ordered.length;
  return Buffer.from(
    JSON.stringify({
      DurableExecutionArn: session.exec.arn,
      CheckpointToken: token,
      ...(updated.length > 0 ? { UpdatedOperationIds: updated } : {}),
      InitialExecutionState: {
        Operations: operations,
        NextMarker: more && lastSeq !== undefined ? encodeMarker(lastSeq) : "",
      },
    }),
  );
}
