/**
 * A precompiled input check for the hot path. Zod (lib/lambda-model/validate.ts) stays the authority and
 * the only source of violation messages; this check is only allowed to say "valid" for inputs that zod
 * accepts too. It compiles the scalar members of an action (strings with length/pattern/enum, numbers
 * with range, booleans, blobs) into plain comparisons; any other member that is present, or any doubt,
 * answers false and the caller runs zod. So invalid input can never pass here that zod would refuse.
 */
import type { ActionModel, Member } from "../lib/lambda-model/model";

type Check = (value: unknown) => boolean;

interface CompiledMember {
  name: string;
  required: boolean;
  /** undefined: not compiled (a structure, list, map or timestamp) — present values go to zod. */
  check: Check | undefined;
}

const compiled = new Map<string, CompiledMember[]>();

/** The regex zod builds for a reference pattern: anchored, unicode. */
const patterns = new Map<string, RegExp>();
function anchored(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, re);
  }
  return re;
}

function stringCheck(member: Member): Check {
  if (member.enum && member.enum.length > 0) {
    const allowed = new Set(member.enum);
    return (v) => typeof v === "string" && allowed.has(v);
  }
  const min = member.min !== undefined && member.min > 0 ? member.min : 0;
  const max = member.max ?? Number.POSITIVE_INFINITY;
  const re = member.pattern ? anchored(member.pattern) : undefined;
  return (v) => typeof v === "string" && v.length >= min && v.length <= max && (re === undefined || re.test(v));
}

function numberCheck(member: Member): Check {
  const integer = member.type === "integer" || member.type === "long";
  const min = member.min ?? Number.NEGATIVE_INFINITY;
  const max = member.max ?? Number.POSITIVE_INFINITY;
  return (v) =>
    typeof v === "number" && (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) && v >= min && v <= max;
}

function checkOf(member: Member): Check | undefined {
  switch (member.type) {
    case "string":
      return stringCheck(member);
    case "integer":
    case "long":
    case "double":
      return numberCheck(member);
    case "boolean":
      return (v) => typeof v === "boolean";
    case "blob":
      return (v) => typeof v === "string" || v instanceof Uint8Array;
    default:
      return undefined;
  }
}

function compile(model: ActionModel): CompiledMember[] {
  return Object.entries(model.input).map(([name, member]) => ({
    name,
    required: member.required,
    check: checkOf(member),
  }));
}

/** True only when `input` certainly satisfies the action's input constraints. */
export function quickValid(action: string, model: ActionModel, input: Record<string, unknown>): boolean {
  let members = compiled.get(action);
  if (!members) {
    members = compile(model);
    compiled.set(action, members);
  }
  for (const m of members) {
    const value = input[m.name];
    if (value === undefined || value === null) {
      if (m.required) return false;
      continue;
    }
    if (m.check === undefined || !m.check(value)) return false;
  }
  return true;
}
