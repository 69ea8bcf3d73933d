/**
 * Resource-based policies of functions, versions and aliases, and the statements AddPermission writes
 * into them, shaped exactly as the service generates them. One document per qualifier in KIND.policy
 * under `${fn}:${qualifier}` (`$LATEST` for the function itself); the function URL and invoke paths
 * read them to authorise callers.
 */
import type { EmulatorContext } from "../context";
import { invalidParameter } from "../errors";
import { KIND } from "../store/kinds";
import { qualifierKey } from "./qualifiers";

export type PolicyPrincipal = "*" | { Service: string } | { AWS: string };

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Principal: PolicyPrincipal;
  Action: string;
  Resource: string;
  /** e.g. `{StringEquals: {"AWS:SourceAccount": "…"}, ArnLike: {"AWS:SourceArn": "…"}}` */
  Condition?: Record<string, Record<string, string>>;
}

/** KIND.policy document: the policy exactly as GetPolicy returns it (as JSON text). */
export interface PolicyDoc {
  Version: "2012-10-17";
  Id: "default";
  Statement: PolicyStatement[];
}

/** The service's cap on a function policy, in bytes of its JSON. */
export const POLICY_MAX_BYTES = 20_480;

export function getPolicyDoc(ctx: EmulatorContext, name: string, qualifier?: string | null): PolicyDoc | undefined {
  return ctx.resources.get<PolicyDoc>(KIND.policy, qualifierKey(name, qualifier));
}

/** How the service writes a Principal parameter into a statement. */
export function principalOf(principal: string): PolicyPrincipal {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (/^arn:aws[a-zA-Z-]*:(iam|sts)::\d{12}:\S+$/.test(principal)) return { AWS: principal };
  // Service principals: `s3.amazonaws.com`, `alexa-appkit.amazon.com`, …
  if (/^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com)$/.test(principal)) return { Service: principal };
  throw invalidParameter("The provided principal was invalid. Please check the principal and try again.");
}

export interface StatementInput {
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string | null;
  SourceAccount?: string | null;
  PrincipalOrgID?: string | null;
  EventSourceToken?: string | null;
  FunctionUrlAuthType?: string | null;
  InvokedViaFunctionUrl?: boolean | null;
}

export function buildStatement(input: StatementInput, resourceArn: string): PolicyStatement {
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string) => {
    condition[operator] = { ...condition[operator], [key]: value };
  };
  if (input.FunctionUrlAuthType) add("StringEquals", "lambda:FunctionUrlAuthType", input.FunctionUrlAuthType);
  if (input.PrincipalOrgID) add("StringEquals", "aws:PrincipalOrgID", input.PrincipalOrgID);
  if (input.SourceAccount) add("StringEquals", "AWS:SourceAccount", input.SourceAccount);
  if (input.EventSourceToken) add("StringEquals", "lambda:EventSourceToken", input.EventSourceToken);
  if (input.SourceArn) add("ArnLike", "AWS:SourceArn", input.SourceArn);
  if (input.InvokedViaFunctionUrl) add("Bool", "lambda:InvokedViaFunctionUrl", "true");
  return {
    Sid: input.StatementId,
    Effect: "Allow",
    Principal: principalOf(input.Principal),
    Action: input.Action,
    Resource: resourceArn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}
