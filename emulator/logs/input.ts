/**
 * Reading a CloudWatch Logs request body against the reference's constraints (botocore's logs-2014-03-28
 * model: lengths, patterns, ranges). A violation is InvalidParameterException with the service's wording:
 * `1 validation error detected: Value 'x' at 'limit' failed to satisfy constraint: …`.
 */
import { LambdaError } from "../errors";

export const invalidParameter = (message: string) => new LambdaError("InvalidParameterException", 400, message);

export const groupNotFound = () =>
  new LambdaError("ResourceNotFoundException", 400, "The specified log group does not exist.");

export const streamNotFound = () =>
  new LambdaError("ResourceNotFoundException", 400, "The specified log stream does not exist.");

const violation = (value: unknown, field: string, constraint: string) =>
  invalidParameter(
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );

export type Body = Record<string, unknown>;

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export const LOG_GROUP_NAME: StringRule = { min: 1, max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/ };
export const LOG_GROUP_IDENTIFIER: StringRule = { min: 1, max: 2048, pattern: /^[\w#+=/:,.@-]*$/ };
export const LOG_STREAM_NAME: StringRule = { min: 1, max: 512, pattern: /^[^:*]*$/ };

export function str(body: Body, field: string, rule: StringRule = {}): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(`Expected a string for ${field}.`);
  if (rule.min !== undefined && value.length < rule.min) {
    throw violation(value, field, `Member must have length greater than or equal to ${rule.min}`);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw violation(value, field, `Member must have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw violation(value, field, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
  }
  return value;
}

export function int(body: Body, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw invalidParameter(`Expected an integer for ${field}.`);
  if (value < min) throw violation(value, field, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw violation(value, field, `Member must have value less than or equal to ${max}`);
  return value;
}

export function bool(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalidParameter(`Expected a boolean for ${field}.`);
  return value;
}

export function strList(body: Body, field: string, min: number, max: number, rule: StringRule): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidParameter(`Expected a list for ${field}.`);
  if (value.length < min)
    throw violation(`[${value.join(", ")}]`, field, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw violation(`[${value.join(", ")}]`, field, `Member must have length less than or equal to ${max}`);
  return value.map((v: unknown, i) => {
    const member = `${field}.${i + 1}`;
    return str({ [member]: v }, member, rule) as string;
  });
}

/**
 * The group a call names: `logGroupName`, or `logGroupIdentifier` (a name or an ARN, with or without
 * the trailing `:*`) — exactly one of them.
 */
export function groupName(body: Body): string {
  const name = str(body, "logGroupName", LOG_GROUP_NAME);
  const identifier = str(body, "logGroupIdentifier", LOG_GROUP_IDENTIFIER);
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  if (name !== undefined) return name;
  if (identifier === undefined) {
    throw invalidParameter("Should provide either name or ARN of the LogGroup.");
  }
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(identifier);
  return arn?.[1] ?? identifier;
}

/** Opaque page tokens: base64url of what the next page starts after. */
export function encodeToken(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

export function decodeToken(token: string, shape: RegExp): string {
  const value = Buffer.from(token, "base64url").toString("utf8");
  if (!shape.test(value)) throw invalidParameter("The specified nextToken is invalid.");
  return value;
}
