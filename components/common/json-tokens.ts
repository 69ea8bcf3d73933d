/**
 * Pretty-prints a JSON value and splits the text into typed tokens for syntax colouring, without a
 * parser dependency. Text that is not JSON is returned as one plain token, untouched.
 */
export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punctuation" | "plain";

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])|(\s+)/g;

export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    if (index > last) tokens.push({ kind: "plain", text: text.slice(last, index) });
    const [whole, str, colon, num, lit, punct, space] = m;
    if (str !== undefined) {
      tokens.push({ kind: colon ? "key" : "string", text: str });
      if (colon) tokens.push({ kind: "punctuation", text: colon });
    } else if (num !== undefined) tokens.push({ kind: "number", text: num });
    else if (lit !== undefined) tokens.push({ kind: "literal", text: lit });
    else if (punct !== undefined) tokens.push({ kind: "punctuation", text: punct });
    else if (space !== undefined) tokens.push({ kind: "plain", text: space });
    last = index + whole.length;
  }
  if (last < text.length) tokens.push({ kind: "plain", text: text.slice(last) });
  return tokens;
}

/** Text that parses as JSON comes back indented by two spaces; anything else comes back as it was. */
export function prettyJson(text: string): { text: string; isJson: boolean } {
  if (text.trim() === "") return { text, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}
