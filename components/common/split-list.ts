/** "a, b\nc" → ["a", "b", "c"]: commas and newlines both separate; blanks are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
