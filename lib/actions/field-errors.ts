/**
 * Finds which form fields an AWS error message is about, so a form can show the message beside them:
 * `1 validation error detected: Value '5' at 'memorySize' failed to satisfy constraint: …` names its
 * fields in quotes; environment errors name reserved keys or the 4 KB limit in prose.
 */

const VIOLATION =
  /Value (?:'(?:[^']|'(?! at '))*'|null) at '([^']+)' failed to satisfy constraint: ([^;]+?)(?=; Value |$)/g;

/** `environment.variables` → `environment`; `memorySize` stays. */
function fieldOf(path: string): string {
  const first = path.split(".")[0] ?? path;
  return first;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function fieldErrorsFromAwsMessage(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of message.matchAll(VIOLATION)) {
    const [, path, constraint] = m;
    if (!path || !constraint) continue;
    const field = fieldOf(path);
    out[field] ??= sentence(constraint);
  }
  if (/environment variables/i.test(message)) {
    const reserved = /Reserved keys used in this request: ([A-Za-z0-9_, ]+)/.exec(message);
    if (reserved?.[1]) {
      const keys = reserved[1]
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean);
      out.environment = `Lambda reserves ${keys.join(", ")}; choose ${keys.length === 1 ? "another name" : "other names"}.`;
      for (const key of keys) out[`environment.${key}`] = "Reserved by Lambda.";
    } else if (/exceeded the 4KB limit/i.test(message)) {
      out.environment = "Environment variables exceed the 4 KB limit.";
    }
  }
  return out;
}
