/**
 * Typed access to the machine-readable API reference (generated from ../shared/lambda-api/model.json by
 * `npm run gen:model`). Routes, validators and form constraints are all derived from this one source.
 */
import raw from "./generated/model.json";

export type MemberType =
  "string" | "structure" | "integer" | "list" | "timestamp" | "boolean" | "long" | "map" | "blob" | "double";

export type Location = "uri" | "querystring" | "header" | "payload";

export interface Member {
  type: MemberType;
  required: boolean;
  location?: Location;
  ref?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  items?: string;
  minItems?: number;
  maxItems?: number;
  itemEnum?: string[];
  itemPattern?: string;
  itemMin?: number;
  itemMax?: number;
  values?: string;
  keyPattern?: string;
  keyMin?: number;
  keyMax?: number;
  keyEnum?: string[];
  valueMin?: number;
  valueMax?: number;
  valuePattern?: string;
  valueItems?: string;
  valueMinItems?: number;
  valueMaxItems?: number;
}

export type Members = Record<string, Member>;

export interface ActionModel {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  path: string;
  successStatus: number;
  payloadMember: string | null;
  responsePayloadMember: string | null;
  queryLiterals: Record<string, string>;
  /** Query-string key on the wire → input member name. */
  query: Record<string, string>;
  /** Request header on the wire → input member name. */
  requestHeaders: Record<string, string>;
  input: Members;
  output: Members;
  responseHeaders: Record<string, string>;
  errors: Record<string, number>;
}

interface LambdaModel {
  actions: Record<string, ActionModel>;
  types: Record<string, Members>;
  commonErrors: Record<string, number>;
}

export const lambdaModel = raw as unknown as LambdaModel;

export type ActionName = keyof typeof raw.actions;

export const actionNames = Object.keys(lambdaModel.actions) as ActionName[];

export function actionModel(name: string): ActionModel {
  const action = lambdaModel.actions[name];
  if (!action) throw new Error(`unknown action ${name}`);
  return action;
}

export function typeMembers(name: string): Members {
  const type = lambdaModel.types[name];
  if (!type) throw new Error(`unknown type ${name}`);
  return type;
}

/** The constraints of one input member of an action, e.g. `inputMember("CreateFunction", "MemorySize")`. */
export function inputMember(action: string, member: string): Member {
  const m = actionModel(action).input[member];
  if (!m) throw new Error(`unknown member ${action}.${member}`);
  return m;
}

/** The constraints of one member of a data type, e.g. `typeMember("Environment", "Variables")`. */
export function typeMember(type: string, member: string): Member {
  const m = typeMembers(type)[member];
  if (!m) throw new Error(`unknown member ${type}.${member}`);
  return m;
}

/** The values of an enum member, e.g. the runtimes of `CreateFunction.Runtime`. */
export function enumValues(action: string, member: string): readonly string[] {
  return inputMember(action, member).enum ?? [];
}
