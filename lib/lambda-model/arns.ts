/**
 * Lambda resource names and ARNs: parsing what callers may pass (name, partial ARN, full ARN, with or
 * without a qualifier) and building ARNs exactly as the service prints them.
 */

export interface FunctionRef {
  name: string;
  qualifier?: string;
  /** Region and account when the caller gave a full or partial ARN. */
  region?: string;
  account?: string;
}

// Name, `name:qualifier`, `account:function:name[:qualifier]`, or `arn:aws:lambda:region:account:function:name[:qualifier]`.
const FUNCTION_REF =
  /^(?:arn:(?:aws[a-zA-Z-]*):lambda:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):(\d{12}):function:|(\d{12}):function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]+))?$/;

/** Parses a FunctionName parameter; `undefined` when it is not a function name or ARN at all. */
export function parseFunctionRef(value: string): FunctionRef | undefined {
  const m = FUNCTION_REF.exec(value);
  if (!m) return undefined;
  const [, region, account, partialAccount, name, qualifier] = m;
  if (!name) return undefined;
  const ref: FunctionRef = { name };
  if (qualifier) ref.qualifier = qualifier;
  if (region) ref.region = region;
  if (account ?? partialAccount) ref.account = account ?? partialAccount;
  return ref;
}

export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier ? `:${qualifier}` : ""}`;
}

export function layerArn(region: string, account: string, layerName: string): string {
  return `arn:aws:lambda:${region}:${account}:layer:${layerName}`;
}

export function layerVersionArn(region: string, account: string, layerName: string, version: number): string {
  return `${layerArn(region, account, layerName)}:${version}`;
}

const LAYER_VERSION_ARN = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9_-]+):(\d+)$/;

export function parseLayerVersionArn(
  arn: string,
): { region: string; account: string; layerName: string; version: number } | undefined {
  const m = LAYER_VERSION_ARN.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, account: m[2]!, layerName: m[3]!, version: Number(m[4]) };
}

/** A LayerName parameter may be a name or a layer ARN; returns the bare name. */
export function layerNameOf(value: string): string {
  const m = /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:([a-zA-Z0-9_-]+)$/.exec(value);
  return m ? m[1]! : value;
}

export function roleArn(account: string, name: string): string {
  return `arn:aws:iam::${account}:role/${name}`;
}

/** The parts of any Lambda ARN: `arn:aws:lambda:<region>:<account>:<resourceType>:<rest>`. */
export function parseLambdaArn(
  arn: string,
): { region: string; account: string; resourceType: string; resource: string } | undefined {
  const m = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):([a-z-]+):(.+)$/.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, account: m[2]!, resourceType: m[3]!, resource: m[4]! };
}

/** Short display form of an ARN: the part after the resource type (`fn:prod`, `csc-…`). */
export function arnTail(arn: string): string {
  const parsed = parseLambdaArn(arn);
  return parsed ? parsed.resource : arn;
}
