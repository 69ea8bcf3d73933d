/**
 * CloudWatch Logs filter patterns (FilterLogEvents `filterPattern`), the subset tools send: terms (all must
 * appear), `"quoted phrases"`, `?term` (any of them), `-term` (none of them), `%regex%`, and JSON
 * patterns `{ $.a.b = "x" && ($.n > 3 || $.c NOT EXISTS) }`. Matching is case-sensitive and by substring.
 * Space-delimited patterns (`[ip, user, …]`) are refused with InvalidParameterException rather than
 * matched wrongly.
 */

export type Matcher = (message: string) => boolean;

/** A pattern the emulator cannot read; the API answers InvalidParameterException with this message. */
export class FilterPatternError extends Error {}

export function compileFilterPattern(pattern: string | undefined): Matcher {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{")) return compileJson(text);
  if (text.startsWith("[")) {
    throw new FilterPatternError("Space-delimited filter patterns are not supported by this emulator.");
  }
  return compileTerms(text);
}

// --- terms -------------------------------------------------------------------------------------------

interface Term {
  mode: "all" | "any" | "none";
  test: Matcher;
}

function compileTerms(text: string): Matcher {
  const terms: Term[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (i >= text.length) break;
    let mode: Term["mode"] = "all";
    if (text[i] === "?") mode = "any";
    else if (text[i] === "-") mode = "none";
    if (mode !== "all") i++;
    let raw: string;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new FilterPatternError("Invalid filter pattern: unterminated quoted term.");
      raw = text.slice(i + 1, end);
      i = end + 1;
      terms.push({ mode, test: (m) => m.includes(raw) });
      continue;
    }
    const start = i;
    while (i < text.length && text[i] !== " " && text[i] !== "\t") i++;
    raw = text.slice(start, i);
    if (raw.length > 2 && raw.startsWith("%") && raw.endsWith("%")) {
      const re = regexOf(raw.slice(1, -1));
      terms.push({ mode, test: (m) => re.test(m) });
    } else {
      terms.push({ mode, test: (m) => m.includes(raw) });
    }
  }
  const all = terms.filter((t) => t.mode === "all");
  const any = terms.filter((t) => t.mode === "any");
  const none = terms.filter((t) => t.mode === "none");
  return (m) =>
    all.every((t) => t.test(m)) && (any.length === 0 || any.some((t) => t.test(m))) && !none.some((t) => t.test(m));
}

function regexOf(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new FilterPatternError(`Invalid regular expression in filter pattern: %${source}%`);
  }
}

// --- JSON patterns -----------------------------------------------------------------------------------

type Json = unknown;
type JsonTest = (doc: Json) => boolean;

type Token =
  | { kind: "selector"; path: (string | number)[] }
  | { kind: "op"; value: "=" | "!=" | "<" | ">" | "<=" | ">=" }
  | { kind: "logic"; value: "&&" | "||" }
  | { kind: "paren"; value: "(" | ")" }
  | { kind: "string"; value: string; quoted: boolean }
  | { kind: "number"; value: number }
  | { kind: "word"; value: string };

function compileJson(text: string): Matcher {
  if (!text.endsWith("}")) throw new FilterPatternError("Invalid JSON filter pattern: missing closing brace.");
  const tokens = tokenize(text.slice(1, -1));
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const atLogic = (value: "&&" | "||") => {
    const t = peek();
    return t?.kind === "logic" && t.value === value;
  };

  const parseOr = (): JsonTest => {
    let left = parseAnd();
    while (atLogic("||")) {
      next();
      const l = left;
      const r = parseAnd();
      left = (d) => l(d) || r(d);
    }
    return left;
  };
  const parseAnd = (): JsonTest => {
    let left = parseUnary();
    while (atLogic("&&")) {
      next();
      const l = left;
      const r = parseUnary();
      left = (d) => l(d) && r(d);
    }
    return left;
  };
  const parseUnary = (): JsonTest => {
    const t = next();
    if (t?.kind === "paren" && t.value === "(") {
      const inner = parseOr();
      const close = next();
      if (close?.kind !== "paren" || close.value !== ")") throw new FilterPatternError("Invalid JSON filter pattern.");
      return inner;
    }
    if (t?.kind !== "selector") throw new FilterPatternError("Invalid JSON filter pattern: expected a $. selector.");
    return parseComparison(t.path);
  };
  const parseComparison = (path: (string | number)[]): JsonTest => {
    const t = next();
    // `$.x IS TRUE|FALSE|NULL`, `$.x NOT EXISTS`
    if (t?.kind === "word" && t.value === "IS") {
      const v = next();
      const want = v?.kind === "word" ? v.value : undefined;
      if (want === "TRUE") return (d) => lookup(d, path).value === true;
      if (want === "FALSE") return (d) => lookup(d, path).value === false;
      if (want === "NULL") return (d) => lookup(d, path).found && lookup(d, path).value === null;
      throw new FilterPatternError("Invalid JSON filter pattern: IS takes TRUE, FALSE or NULL.");
    }
    if (t?.kind === "word" && t.value === "NOT") {
      const v = next();
      if (v?.kind === "word" && v.value === "EXISTS") return (d) => !lookup(d, path).found;
      throw new FilterPatternError("Invalid JSON filter pattern: expected NOT EXISTS.");
    }
    if (t?.kind !== "op") throw new FilterPatternError("Invalid JSON filter pattern: expected a comparison.");
    const value = next();
    const op = t.value;
    if (value?.kind === "number") {
      const n = value.value;
      return (d) => {
        const v = lookup(d, path).value;
        return typeof v === "number" && compareNumbers(v, op, n);
      };
    }
    if (value?.kind === "string" || value?.kind === "word") {
      if (op !== "=" && op !== "!=") throw new FilterPatternError("Strings compare with = or != only.");
      const glob = globOf(value.value);
      return (d) => {
        const v = lookup(d, path);
        if (!v.found || typeof v.value !== "string") return false;
        return glob.test(v.value) === (op === "=");
      };
    }
    throw new FilterPatternError("Invalid JSON filter pattern: expected a value.");
  };

  const test = parseOr();
  if (pos !== tokens.length) throw new FilterPatternError("Invalid JSON filter pattern.");
  return (message) => {
    let doc: Json;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return typeof doc === "object" && doc !== null && test(doc);
  };
}

function compareNumbers(v: number, op: string, n: number): boolean {
  switch (op) {
    case "=":
      return v === n;
    case "!=":
      return v !== n;
    case "<":
      return v < n;
    case ">":
      return v > n;
    case "<=":
      return v <= n;
    default:
      return v >= n;
  }
}

/** `*` is a wildcard in string values. */
function globOf(value: string): RegExp {
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "s");
}

function lookup(doc: Json, path: (string | number)[]): { found: boolean; value: Json } {
  let cur: Json = doc;
  for (const key of path) {
    if (typeof key === "number") {
      if (!Array.isArray(cur) || key >= cur.length) return { found: false, value: undefined };
      cur = cur[key] as Json;
    } else {
      if (typeof cur !== "object" || cur === null || Array.isArray(cur) || !(key in cur)) {
        return { found: false, value: undefined };
      }
      cur = (cur as Record<string, Json>)[key];
    }
  }
  return { found: true, value: cur };
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "$") {
      const path: (string | number)[] = [];
      i++;
      for (;;) {
        if (src[i] === ".") {
          const m = /^[A-Za-z0-9_@-]+/.exec(src.slice(i + 1));
          if (!m) throw new FilterPatternError("Invalid JSON filter pattern: bad selector.");
          path.push(m[0]);
          i += 1 + m[0].length;
        } else if (src[i] === "[") {
          const m = /^\[(\d+)\]/.exec(src.slice(i));
          if (!m) throw new FilterPatternError("Invalid JSON filter pattern: bad array index.");
          path.push(Number(m[1]));
          i += m[0].length;
        } else break;
      }
      tokens.push({ kind: "selector", path });
    } else if (src.startsWith("&&", i) || src.startsWith("||", i)) {
      tokens.push({ kind: "logic", value: src.slice(i, i + 2) as "&&" | "||" });
      i += 2;
    } else if (src.startsWith("!=", i) || src.startsWith("<=", i) || src.startsWith(">=", i)) {
      tokens.push({ kind: "op", value: src.slice(i, i + 2) as "!=" | "<=" | ">=" });
      i += 2;
    } else if (c === "=" || c === "<" || c === ">") {
      tokens.push({ kind: "op", value: c });
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: "paren", value: c });
      i++;
    } else if (c === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) throw new FilterPatternError("Invalid JSON filter pattern: unterminated string.");
      tokens.push({ kind: "string", value: src.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else {
      const m = /^[^\s()&|=<>!"]+/.exec(src.slice(i));
      if (!m) throw new FilterPatternError(`Invalid JSON filter pattern near "${src.slice(i, i + 10)}".`);
      const word = m[0];
      i += word.length;
      if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(word)) tokens.push({ kind: "number", value: Number(word) });
      else tokens.push({ kind: "word", value: word });
    }
  }
  return tokens;
}
