/**
 * Which colour a resource state gets, and how it reads: function State / LastUpdateStatus, provisioned
 * concurrency (READY, IN_PROGRESS, FAILED), event source mappings (Enabled, Creating, …), capacity
 * providers (Active, Pending, Deleting).
 */
export type Tone = "success" | "warning" | "danger" | "neutral" | "progress";

export function stateTone(state: string | undefined): Tone {
  switch (state) {
    case "Active":
    case "Successful":
    case "READY":
    case "Enabled":
      return "success";
    case "Pending":
    case "InProgress":
    case "IN_PROGRESS":
    case "Creating":
    case "Enabling":
    case "Disabling":
    case "Updating":
    case "Deleting":
      return "progress";
    case "Failed":
    case "FAILED":
      return "danger";
    case "Inactive":
      return "warning";
    default:
      return "neutral";
  }
}

/** `InProgress` / `IN_PROGRESS` → "In progress", `READY` → "Ready"; other values read fine as they are. */
export function stateLabel(state: string | undefined): string {
  if (!state) return "Unknown";
  if (state === "InProgress") return "In progress";
  if (/^[A-Z_]+$/.test(state)) {
    const words = state.toLowerCase().replace(/_/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return state;
}
