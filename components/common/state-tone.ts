/** Which colour a function state or update status gets, and how it reads. */
export type Tone = "success" | "warning" | "danger" | "neutral" | "progress";

export function stateTone(state: string | undefined): Tone {
  switch (state) {
    case "Active":
    case "Successful":
      return "success";
    case "Pending":
    case "InProgress":
      return "progress";
    case "Failed":
      return "danger";
    case "Inactive":
      return "warning";
    default:
      return "neutral";
  }
}

/** `InProgress` → "In progress"; other values read fine as they are. */
export function stateLabel(state: string | undefined): string {
  if (!state) return "Unknown";
  return state === "InProgress" ? "In progress" : state;
}
