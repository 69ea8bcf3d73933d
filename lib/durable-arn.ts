/**
 * Durable execution ARNs and the console's URL key for them.
 *
 *   arn:aws:lambda:<region>:<account>:function:<fn>:<version>/durable-execution/<name>/<id>
 *
 * The execution page lives under its function (`/functions/<fn>/durable-executions/<key>`), so the key
 * only needs what the function ARN does not say: `<name>.<id>` for $LATEST, `<name>.<id>.<version>`
 * otherwise. Names and ids are `[a-zA-Z0-9_-]+`, so the dots are unambiguous and the key needs no
 * escaping; a version may itself contain a dot ($LATEST.PUBLISHED), so it goes last.
 */

export interface DurableExecutionRef {
  /** `arn:aws:lambda:<region>:<account>:function:<fn>` — unqualified. */
  functionArn: string;
  functionName: string;
  /** `$LATEST`, `$LATEST.PUBLISHED` or a version number. */
  version: string;
  name: string;
  id: string;
}

const EXECUTION_ARN =
  /^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:function:([a-zA-Z0-9_-]+)):(\$LATEST(?:\.PUBLISHED)?|[0-9]+)\/durable-execution\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)$/;

export function parseDurableExecutionArn(arn: string): DurableExecutionRef | undefined {
  const m = EXECUTION_ARN.exec(arn);
  if (!m) return undefined;
  const [, functionArn, functionName, version, name, id] = m;
  if (!functionArn || !functionName || !version || !name || !id) return undefined;
  return { functionArn, functionName, version, name, id };
}

const SEGMENT = /^[a-zA-Z0-9_-]+$/;
const VERSION = /^(\$LATEST(?:\.PUBLISHED)?|[0-9]+)$/;

/** The URL key of an execution ARN; `undefined` for anything that is not one. */
export function executionKey(arn: string): string | undefined {
  const ref = parseDurableExecutionArn(arn);
  if (!ref) return undefined;
  return ref.version === "$LATEST" ? `${ref.name}.${ref.id}` : `${ref.name}.${ref.id}.${ref.version}`;
}

/**
 * The execution ARN a key stands for, given the function's ARN (qualified or not — the qualifier is
 * dropped, the execution's own version comes from the key).
 */
export function executionArnFromKey(functionArn: string, key: string): string | undefined {
  const [name, id, ...rest] = key.split(".");
  const version = rest.length > 0 ? rest.join(".") : "$LATEST";
  if (!name || !id || !SEGMENT.test(name) || !SEGMENT.test(id) || !VERSION.test(version)) return undefined;
  const base = /^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:function:[a-zA-Z0-9_-]+)(?::[^:]+)?$/.exec(functionArn);
  if (!base?.[1]) return undefined;
  return `${base[1]}:${version}/durable-execution/${name}/${id}`;
}
