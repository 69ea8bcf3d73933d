/**
 * The service's checks on a checkpoint's updates, before any is applied (all or nothing): which actions
 * each operation type accepts, from which status, what an update may carry, how ids may repeat within one
 * request, where EXECUTION updates go, that parents are contexts, and the payload and error sizes. Every
 * violation is an InvalidParameterValueException (the durable SDK then fails the execution), worded after
 * the rule. See shared/notes/durable-contract.md §3.2.
 */
import type { OperationUpdate } from "@aws-sdk/client-lambda";
import { invalidParameter } from "../errors";
import type { Wire } from "../api/types";
import type { OperationAction, OperationState, OperationStatus, OperationType } from "./types";

export type Update = Wire<OperationUpdate> & { Id: string; Type: OperationType; Action: OperationAction };

const VALID_ACTIONS: Record<OperationType, readonly OperationAction[]> = {
  STEP: ["START", "FAIL", "RETRY", "SUCCEED"],
  CONTEXT: ["START", "FAIL", "SUCCEED"],
  WAIT: ["START", "CANCEL"],
  CALLBACK: ["START", "CANCEL"],
  CHAINED_INVOKE: ["START", "CANCEL"],
  EXECUTION: ["SUCCEED", "FAIL"],
};

/** An update's Error must stay under 32 KiB (the testing kit's MAX_ERROR_PAYLOAD_SIZE_BYTES). */
export const MAX_ERROR_BYTES = 32_768;
/** Payload quotas by operation type (OperationUpdate.Payload in the reference). */
const PAYLOAD_LIMITS: Record<OperationType, number> = {
  STEP: 262_144,
  CONTEXT: 262_144,
  WAIT: 262_144,
  CALLBACK: 262_144,
  CHAINED_INVOKE: 1_048_576,
  EXECUTION: 6_291_456,
};

/** `new` = not started yet (neither stored nor started earlier in this request). */
type Seen = OperationStatus | "new";

function allowedFrom(type: OperationType, action: OperationAction): readonly Seen[] {
  if (type === "STEP") {
    if (action === "START") return ["new", "READY"];
    return ["new", "STARTED", "READY"];
  }
  if (action === "START") return ["new"];
  if (action === "CANCEL") return ["STARTED"];
  if (type === "CONTEXT") return ["new", "STARTED"];
  return ["new", "STARTED", "READY", "PENDING"];
}

/** Where an update leaves its operation, for the checks of later updates in the same request. */
function statusAfter(type: OperationType, action: OperationAction): OperationStatus {
  switch (action) {
    case "START":
      return "STARTED";
    case "SUCCEED":
      return "SUCCEEDED";
    case "FAIL":
      return "FAILED";
    case "RETRY":
      return type === "STEP" ? "PENDING" : "STARTED";
    case "CANCEL":
      return "CANCELLED";
  }
}

const bad = (i: number, u: { Id?: unknown }, what: string) =>
  invalidParameter(`Invalid update at index ${i} (operation ${String(u.Id)}): ${what}`);

export function validateUpdates(updates: readonly Update[], ops: ReadonlyMap<string, OperationState>): void {
  const seen = new Map<string, { type: OperationType; status: Seen; count: number }>();
  const executionUpdates = updates.filter((u) => u.Type === "EXECUTION").length;
  updates.forEach((u, i) => {
    const type = u.Type;
    const action = u.Action;
    if (!VALID_ACTIONS[type].includes(action)) {
      throw bad(i, u, `${type} operations do not accept the action ${action}.`);
    }
    if (type === "EXECUTION") {
      if (executionUpdates > 1) throw bad(i, u, "a checkpoint may carry at most one EXECUTION update.");
      if (i !== updates.length - 1) throw bad(i, u, "the EXECUTION update must be the last update.");
    }
    if (u.Error && Buffer.byteLength(JSON.stringify(u.Error)) >= MAX_ERROR_BYTES) {
      throw bad(i, u, `Error must be smaller than ${MAX_ERROR_BYTES} bytes.`);
    }
    if (u.Payload !== undefined && u.Payload !== null && Buffer.byteLength(u.Payload) > PAYLOAD_LIMITS[type]) {
      throw bad(i, u, `Payload of a ${type} operation must be at most ${PAYLOAD_LIMITS[type]} bytes.`);
    }
    if (action === "FAIL" && u.Payload !== undefined && u.Payload !== null) {
      throw bad(i, u, "a FAIL update cannot carry a Payload.");
    }
    if (action === "SUCCEED" && u.Error) throw bad(i, u, "a SUCCEED update cannot carry an Error.");
    if (action === "RETRY") {
      if (!u.StepOptions) throw bad(i, u, "a RETRY update requires StepOptions.");
      if (u.Error && u.Payload !== undefined && u.Payload !== null) {
        throw bad(i, u, "a RETRY update cannot carry both an Error and a Payload.");
      }
    }
    if (type === "EXECUTION") return;

    const stored = ops.get(u.Id);
    const earlier = seen.get(u.Id);
    if (stored && stored.op.Type !== type) {
      throw bad(i, u, `the operation is a ${stored.op.Type}, not a ${type}.`);
    }
    if (earlier) {
      // Only a STEP or CONTEXT START followed by its outcome may share an id in one request.
      const pair = earlier.count === 1 && earlier.status === "STARTED" && action !== "START";
      if (!pair || (type !== "STEP" && type !== "CONTEXT") || earlier.type !== type) {
        throw bad(
          i,
          u,
          "the same operation may appear twice in one request only as a STEP or CONTEXT START followed by its outcome.",
        );
      }
    }
    const current: Seen = earlier?.status ?? stored?.op.Status ?? "new";
    if (!allowedFrom(type, action).includes(current)) {
      throw bad(
        i,
        u,
        `${action} is not allowed for a ${type} operation in status ${current === "new" ? "(not started)" : current}.`,
      );
    }
    if (action === "START") {
      if (type === "WAIT" && !(u.WaitOptions?.WaitSeconds && u.WaitOptions.WaitSeconds >= 1)) {
        throw bad(i, u, "a WAIT START requires WaitOptions.WaitSeconds.");
      }
      if (type === "CHAINED_INVOKE" && !u.ChainedInvokeOptions?.FunctionName) {
        throw bad(i, u, "a CHAINED_INVOKE START requires ChainedInvokeOptions.FunctionName.");
      }
    }
    if (u.ParentId !== undefined && u.ParentId !== null && current === "new") {
      const parentStored = ops.get(u.ParentId);
      const parentSeen = seen.get(u.ParentId);
      const parentType = parentSeen?.type ?? parentStored?.op.Type;
      if (parentType !== "CONTEXT") {
        throw bad(i, u, `ParentId ${u.ParentId} is not a CONTEXT operation of this execution.`);
      }
    }
    seen.set(u.Id, { type, status: statusAfter(type, action), count: (earlier?.count ?? 0) + 1 });
  });
}
