/**
 * A form's field errors from a failed zod parse: the first message for each field, read from the issue
 * path's segment at `depth` (1 when the form's fields sit in a nested object of the schema).
 */
export function firstIssuePerField<F extends PropertyKey>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  depth = 0,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) out[issue.path[depth] as F] ??= issue.message;
  return out;
}
