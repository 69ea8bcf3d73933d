/**
 * Zod schemas built from the reference's member constraints, and AWS-style violation messages.
 * The emulator validates every request with these; console forms use the same schemas (see schemas.ts),
 * so a value the form accepts is a value the API accepts.
 */
import { z } from "zod";
import { actionModel, lambdaModel, type Member, type Members } from "./model";

/** One broken constraint, worded as AWS words it. */
export interface Violation {
  /** AWS field path: lower-camel member names joined by dots, e.g. `environment.variables`. */
  path: string;
  /** The offending value, when known. */
  value: unknown;
  /** e.g. `Member must have value less than or equal to 10240`. */
  constraint: string;
}

const anchored = new Map<string, RegExp>();
function patternRegExp(pattern: string): RegExp {
  let re = anchored.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "u");
    anchored.set(pattern, re);
  }
  return re;
}

function stringSchema(
  min: number | undefined,
  max: number | undefined,
  pattern: string | undefined,
  values: string[] | undefined,
): z.ZodType {
  if (values && values.length > 0) {
    const allowed = new Set(values);
    return z.string({ error: "Member must be a string" }).refine((v) => allowed.has(v), {
      error: `Member must satisfy enum value set: [${values.join(", ")}]`,
    });
  }
  let s = z.string({ error: "Member must be a string" });
  if (min !== undefined && min > 0)
    s = s.min(min, { error: `Member must have length greater than or equal to ${min}` });
  if (max !== undefined) s = s.max(max, { error: `Member must have length less than or equal to ${max}` });
  if (pattern) {
    const re = patternRegExp(pattern);
    s = s.regex(re, { error: `Member must satisfy regular expression pattern: ${pattern}` });
  }
  return s;
}

function numberSchema(member: Pick<Member, "type" | "min" | "max">): z.ZodType {
  let n = z.number({ error: "Member must be a number" });
  if (member.type === "integer" || member.type === "long") n = n.int({ error: "Member must be an integer" });
  if (member.min !== undefined)
    n = n.min(member.min, { error: `Member must have value greater than or equal to ${member.min}` });
  if (member.max !== undefined)
    n = n.max(member.max, { error: `Member must have value less than or equal to ${member.max}` });
  return n;
}

const structureCache = new Map<string, z.ZodType>();

/** A zod object schema for a data type of the reference, e.g. `structureSchema("Environment")`. */
export function structureSchema(typeName: string): z.ZodType {
  let schema = structureCache.get(typeName);
  if (!schema) {
    const members = lambdaModel.types[typeName];
    if (!members) throw new Error(`unknown type ${typeName}`);
    // z.lazy keeps recursive types (a type that refers to itself) from looping while the cache fills.
    schema = z.lazy(() => membersSchema(members));
    structureCache.set(typeName, schema);
  }
  return schema;
}

function refOrScalar(name: string): z.ZodType {
  if (lambdaModel.types[name]) return structureSchema(name);
  switch (name) {
    case "string":
      return z.string({ error: "Member must be a string" });
    case "integer":
    case "long":
      return numberSchema({ type: "integer" });
    case "double":
      return numberSchema({ type: "double" });
    case "boolean":
      return z.boolean({ error: "Member must be a boolean" });
    default:
      return z.unknown();
  }
}

/** The schema of one member, with its constraints (length, range, pattern, enum, items, keys). */
export function memberSchema(member: Member): z.ZodType {
  switch (member.type) {
    case "string":
      return stringSchema(member.min, member.max, member.pattern, member.enum);
    case "integer":
    case "long":
    case "double":
      return numberSchema(member);
    case "boolean":
      return z.boolean({ error: "Member must be a boolean" });
    case "timestamp":
      // JSON bodies carry epoch seconds; query strings carry ISO-8601 (converted before validation).
      return z.union([z.number(), z.string(), z.date()], { error: "Member must be a timestamp" });
    case "blob":
      return z.union([z.string(), z.instanceof(Uint8Array)], { error: "Member must be a blob" });
    case "structure":
      return member.ref ? structureSchema(member.ref) : z.record(z.string(), z.unknown());
    case "list": {
      const item =
        member.items === "string"
          ? stringSchema(member.itemMin, member.itemMax, member.itemPattern, member.itemEnum)
          : refOrScalar(member.items ?? member.ref ?? "");
      let list = z.array(item, { error: "Member must be a list" });
      if (member.minItems !== undefined && member.minItems > 0)
        list = list.min(member.minItems, {
          error: `Member must have length greater than or equal to ${member.minItems}`,
        });
      if (member.maxItems !== undefined)
        list = list.max(member.maxItems, { error: `Member must have length less than or equal to ${member.maxItems}` });
      return list;
    }
    case "map": {
      const key = stringSchema(member.keyMin, member.keyMax, member.keyPattern, member.keyEnum);
      let value: z.ZodType;
      if (member.valueItems) {
        let list = z.array(refOrScalar(member.valueItems));
        if (member.valueMinItems) list = list.min(member.valueMinItems);
        if (member.valueMaxItems !== undefined) list = list.max(member.valueMaxItems);
        value = list;
      } else if (!member.values || member.values === "string") {
        value = stringSchema(member.valueMin, member.valueMax, member.valuePattern, undefined);
      } else {
        value = refOrScalar(member.values);
      }
      // Keys are checked one by one below: z.record with an enum key would demand every key be present.
      return z.record(z.string(), value, { error: "Member must be a map" }).superRefine((obj, ctx) => {
        for (const k of Object.keys(obj)) {
          const r = key.safeParse(k);
          if (!r.success)
            ctx.addIssue({
              code: "custom",
              input: obj,
              message: `Map keys must satisfy constraint: [${r.error.issues.map((i) => i.message).join(", ")}]`,
            });
        }
      });
    }
    default:
      return z.unknown();
  }
}

/** An object schema for a member set; optional members accept null as "absent", as AWS does. */
export function membersSchema(members: Members): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, member] of Object.entries(members)) {
    const s = memberSchema(member);
    shape[name] = member.required ? s : s.nullish();
  }
  // Unknown members are ignored, as the service's JSON protocol ignores them.
  return z.object(shape).passthrough();
}

const inputCache = new Map<string, z.ZodType>();

/** The schema of an action's whole input (URI, query, header, payload and body members together). */
export function actionInputSchema(action: string): z.ZodType {
  let schema = inputCache.get(action);
  if (!schema) {
    const members = { ...actionModel(action).input };
    // The payload member is the raw request body, already a byte array; nothing to check but presence.
    schema = membersSchema(members);
    inputCache.set(action, schema);
  }
  return schema;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}

/** Turns zod issues into AWS violations (field path in lower camel case, value, constraint text). */
export function toViolations(error: z.ZodError): Violation[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === "number" ? String(p + 1) : lowerFirst(String(p))))
      .join(".")
      .replace(/\.(\d+)/g, ".member.$1");
    let constraint = issue.message;
    if (issue.code === "invalid_type" && issue.input === undefined) constraint = "Member must not be null";
    return { path, value: issue.input, constraint };
  });
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Uint8Array) return `'java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]'`;
  if (typeof value === "object") {
    const text = JSON.stringify(value);
    return `'${text.length > 256 ? text.slice(0, 256) + "…" : text}'`;
  }
  const text = String(value);
  return `'${text.length > 256 ? text.slice(0, 256) + "…" : text}'`;
}

/** `1 validation error detected: Value '5' at 'memorySize' failed to satisfy constraint: …` */
export function formatViolations(violations: Violation[]): string {
  const n = violations.length;
  const parts = violations.map(
    (v) => `Value ${formatValue(v.value)} at '${v.path}' failed to satisfy constraint: ${v.constraint}`,
  );
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}

/** Validates an action input; returns the violations (empty when valid). */
export function validateActionInput(action: string, input: Record<string, unknown>): Violation[] {
  const result = actionInputSchema(action).safeParse(input, { reportInput: true });
  return result.success ? [] : toViolations(result.error);
}
