/** Resource-policy statements (as GetPolicy writes them) → rows a person can read at a glance. */
import type { PolicyStatement } from "@/lib/lambda-types";

export interface PolicyCondition {
  /** What the condition restricts, in words: "Source ARN", "Function URL auth type". */
  label: string;
  /** The condition operator, e.g. ArnLike, StringEquals. */
  operator: string;
  key: string;
  value: string;
}

export interface PolicyRow {
  sid: string;
  effect: string;
  /** "*", "s3.amazonaws.com", "123456789012", an ARN — with its kind for a hint. */
  principal: string;
  principalKind: "anyone" | "service" | "account" | "arn" | "other";
  actions: string[];
  resource: string;
  conditions: PolicyCondition[];
}

const CONDITION_LABELS: Record<string, string> = {
  "aws:sourcearn": "Source ARN",
  "aws:sourceaccount": "Source account",
  "aws:principalorgid": "Organization",
  "lambda:functionurlauthtype": "Function URL auth type",
  "lambda:invokedviafunctionurl": "Invoked via function URL",
  "lambda:eventsourcetoken": "Event source token",
};

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function principalOf(p: PolicyStatement["Principal"]): Pick<PolicyRow, "principal" | "principalKind"> {
  if (p === undefined) return { principal: "—", principalKind: "other" };
  if (typeof p === "string") return { principal: p, principalKind: p === "*" ? "anyone" : "other" };
  if (p.Service !== undefined) return { principal: list(p.Service).join(", "), principalKind: "service" };
  if (p.AWS !== undefined) {
    const values = list(p.AWS);
    if (values.length === 1 && values[0] === "*") return { principal: "*", principalKind: "anyone" };
    // The service writes an account ID principal as the account's root ARN; show the account.
    const accounts = values.map((v) => /^arn:aws[a-zA-Z-]*:iam::(\d{12}):root$/.exec(v)?.[1] ?? v);
    const isAccount = values.every((v) => /:root$/.test(v) || /^\d{12}$/.test(v));
    return { principal: accounts.join(", "), principalKind: isAccount ? "account" : "arn" };
  }
  const [kind, value] = Object.entries(p)[0] ?? ["", ""];
  return { principal: `${kind}: ${list(value).join(", ")}`, principalKind: "other" };
}

export function policyRow(statement: PolicyStatement, index = 0): PolicyRow {
  const conditions: PolicyCondition[] = [];
  for (const [operator, pairs] of Object.entries(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(pairs)) {
      conditions.push({
        label: CONDITION_LABELS[key.toLowerCase()] ?? key,
        operator,
        key,
        value: list(value as string | boolean | string[])
          .map(String)
          .join(", "),
      });
    }
  }
  return {
    sid: statement.Sid ?? `Statement ${index + 1}`,
    effect: statement.Effect ?? "Allow",
    ...principalOf(statement.Principal),
    actions: list(statement.Action),
    resource: list(statement.Resource).join(", "),
    conditions,
  };
}

/**
 * Whether anyone may call the function's public URL: a statement allowing `lambda:InvokeFunctionUrl` to
 * Principal `*` with `lambda:FunctionUrlAuthType` NONE (what Lambda's URL front end checks).
 */
export function hasPublicUrlAccess(statements: PolicyStatement[]): boolean {
  return statements.some((s) => {
    const row = policyRow(s);
    return (
      row.effect === "Allow" &&
      row.principalKind === "anyone" &&
      row.actions.some((a) => a === "lambda:InvokeFunctionUrl" || a === "lambda:*" || a === "*") &&
      row.conditions.some((c) => c.key.toLowerCase() === "lambda:functionurlauthtype" && c.value === "NONE")
    );
  });
}
