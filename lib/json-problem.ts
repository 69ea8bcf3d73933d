/** Why a payload typed by hand is not JSON (the parser's message), or undefined when it parses. */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "Not valid JSON";
  }
}
