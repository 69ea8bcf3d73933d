/**
 * Where a deploy is, from what the page knows: the upload (the server action) and then Lambda's
 * LastUpdateStatus, which the function query polls while it is InProgress.
 */
export type DeployPhase =
  | { step: "idle" }
  | { step: "uploading"; bytes: number }
  | { step: "updating" }
  | { step: "done"; sha: string }
  | { step: "failed"; reason: string; code?: string };

export interface DeployObservation {
  /** The upload is in flight. */
  uploading: boolean;
  uploadBytes: number;
  /** The upload finished and Lambda accepted it (UpdateFunctionCode answered). */
  accepted?: { sha?: string };
  /** The function as the page last read it. */
  lastUpdateStatus?: string;
  lastUpdateStatusReason?: string;
  lastUpdateStatusReasonCode?: string;
  codeSha256?: string;
}

export function deployPhase(o: DeployObservation): DeployPhase {
  if (o.uploading) return { step: "uploading", bytes: o.uploadBytes };
  if (!o.accepted) return { step: "idle" };
  if (o.lastUpdateStatus === "InProgress" || o.lastUpdateStatus === undefined) return { step: "updating" };
  if (o.lastUpdateStatus === "Failed") {
    return {
      step: "failed",
      reason: o.lastUpdateStatusReason ?? "Lambda could not apply the new code.",
      ...(o.lastUpdateStatusReasonCode ? { code: o.lastUpdateStatusReasonCode } : {}),
    };
  }
  return { step: "done", sha: o.codeSha256 ?? o.accepted.sha ?? "" };
}
