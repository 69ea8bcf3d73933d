/**
 * Who may call a function URL, decided as Lambda decides it:
 * - AuthType AWS_IAM: the request must be SigV4-signed (service `lambda`) with credentials the emulator
 *   accepts. Those stand for principals of the emulator's own account, whose identity policies we take as
 *   allowing everything, so no resource-policy statement is needed (as for same-account callers in AWS).
 * - AuthType NONE: no signature, but the resource-based policy of the URL's function (or alias) must still
 *   grant `lambda:InvokeFunctionUrl` to `*` with `lambda:FunctionUrlAuthType` NONE — the statement the
 *   Lambda console adds when it creates a public URL. Without it the URL answers 403 Forbidden.
 *   (AWS also asks URLs created since October 2025 for a `lambda:InvokeFunction` grant; not enforced here.)
 */
import type { IncomingMessage } from "node:http";
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import type { FunctionUrlDoc } from "../functions/function-url";
import { getPolicyDoc, type PolicyStatement } from "../functions/policy";
import { SigV4Verifier } from "../sigv4";

export interface UrlCaller {
  /** requestContext.accountId: `anonymous` for NONE, the caller's account for AWS_IAM. */
  accountId: string;
  /** requestContext.authorizer.iam for AWS_IAM. */
  iam?: {
    accessKey: string;
    accountId: string;
    callerId: string;
    cognitoIdentity: null;
    principalOrgId: null;
    userArn: string;
    userId: string;
  };
}

/** A refusal, answered as `{"Message": …}` with this status. */
export class UrlDenied extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const verifiers = new WeakMap<EmulatorContext, SigV4Verifier>();

function verifierFor(ctx: EmulatorContext): SigV4Verifier {
  let verifier = verifiers.get(ctx);
  if (!verifier) {
    verifier = new SigV4Verifier((key) => ctx.config.credentials.find((c) => c.accessKeyId === key)?.secretAccessKey);
    verifiers.set(ctx, verifier);
  }
  return verifier;
}

/** Authenticates and authorises one request to `doc`'s URL; throws UrlDenied (403). */
export async function authorize(
  ctx: EmulatorContext,
  doc: FunctionUrlDoc,
  req: IncomingMessage,
  body: Buffer,
): Promise<UrlCaller> {
  if (doc.AuthType === "NONE") {
    const qualifier = doc.Qualifier === "$LATEST" ? undefined : doc.Qualifier;
    const policy = getPolicyDoc(ctx, doc.FunctionName, qualifier);
    if (!policy?.Statement.some(grantsPublicUrlInvoke)) throw new UrlDenied(403, "Forbidden");
    return { accountId: "anonymous" };
  }
  let accessKeyId: string;
  try {
    const caller = await verifierFor(ctx).verify(req, body, "lambda");
    if (caller.region !== ctx.config.region) throw new UrlDenied(403, "Credential should be scoped to a valid region.");
    accessKeyId = caller.accessKeyId;
  } catch (e) {
    if (e instanceof UrlDenied) throw e;
    // Unsigned requests get the bare "Forbidden"; a bad signature says what was wrong, as AWS does.
    if (e instanceof LambdaError && e.name !== "MissingAuthenticationTokenException") {
      throw new UrlDenied(403, e.message);
    }
    throw new UrlDenied(403, "Forbidden");
  }
  const account = ctx.config.accountId;
  return {
    accountId: account,
    iam: {
      accessKey: accessKeyId,
      accountId: account,
      callerId: account,
      cognitoIdentity: null,
      principalOrgId: null,
      userArn: `arn:aws:iam::${account}:root`,
      userId: account,
    },
  };
}

/** Allow · Principal * · lambda:InvokeFunctionUrl (or a wildcard) · conditions an anonymous URL call meets. */
export function grantsPublicUrlInvoke(statement: PolicyStatement): boolean {
  if (statement.Effect !== "Allow") return false;
  const principal = statement.Principal;
  if (principal !== "*" && !(typeof principal === "object" && "AWS" in principal && principal.AWS === "*")) {
    return false;
  }
  const action = statement.Action.toLowerCase();
  if (action !== "lambda:invokefunctionurl" && action !== "lambda:*" && action !== "*") return false;
  return conditionsHold(statement.Condition ?? {});
}

/** The condition keys a public function URL request carries, by operator (keys compared case-insensitively). */
const URL_CONTEXT: Record<string, Record<string, string>> = {
  stringequals: { "lambda:functionurlauthtype": "NONE" },
  bool: { "lambda:invokedviafunctionurl": "true" },
};

function conditionsHold(condition: Record<string, Record<string, string>>): boolean {
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, value]) => {
      const actual = URL_CONTEXT[operator.toLowerCase()]?.[key.toLowerCase()];
      // A key the request does not carry (SourceArn, SourceAccount, …) cannot match an anonymous caller.
      return actual !== undefined && actual === value;
    }),
  );
}
