/**
 * Resource-based policies: AddPermission / RemovePermission / GetPolicy on a function, version or alias.
 * A policy change gives the function version or alias a new RevisionId, which GetPolicy reports and the
 * RevisionId preconditions compare against, as in the service.
 */
import type { AddPermissionRequest, GetPolicyRequest, RemovePermissionRequest } from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError, preconditionFailed, resourceConflict, resourceNotFound } from "../errors";
import { buildStatement, getPolicyDoc, POLICY_MAX_BYTES, type PolicyDoc } from "../functions/policy";
import { bumpRevision, qualifierKey, resolveQualifier, type ResolvedQualifier } from "../functions/qualifiers";
import { arnOf, parseTarget } from "../functions/resolve";
import { KIND } from "../store/kinds";
import type { ApiRequest, HandlerMap, Input } from "./types";

function assertPolicyRevision(expected: string | undefined | null, target: ResolvedQualifier): void {
  if (expected && expected !== target.revisionId) {
    throw preconditionFailed(
      "The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id",
    );
  }
}

function resourceArnOf(ctx: EmulatorContext, target: ResolvedQualifier): string {
  return target.kind === "latest" ? arnOf(ctx, target.name) : arnOf(ctx, target.name, target.qualifier);
}

// POST /2015-03-31/functions/{FunctionName}/policy — AddPermission
const addPermission = (
  req: ApiRequest<Input<AddPermissionRequest, "FunctionName" | "StatementId" | "Action" | "Principal">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const { name, qualifier } = parseTarget(ctx, input.FunctionName, input.Qualifier);
  if (qualifier === "$LATEST") throw invalidParameter("We currently do not support adding policies for $LATEST.");
  const statement = ctx.functions.transaction(() => {
    const target = resolveQualifier(ctx, name, qualifier);
    assertPolicyRevision(input.RevisionId, target);
    const policy: PolicyDoc = getPolicyDoc(ctx, name, qualifier) ?? {
      Version: "2012-10-17",
      Id: "default",
      Statement: [],
    };
    if (policy.Statement.some((s) => s.Sid === input.StatementId)) {
      throw resourceConflict(
        `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      );
    }
    const added = buildStatement(input, resourceArnOf(ctx, target));
    const next: PolicyDoc = { ...policy, Statement: [...policy.Statement, added] };
    const size = Buffer.byteLength(JSON.stringify(next));
    if (size > POLICY_MAX_BYTES) {
      throw new LambdaError(
        "PolicyLengthExceededException",
        400,
        `The final policy size (${size}) is bigger than the limit (${POLICY_MAX_BYTES}).`,
      );
    }
    ctx.resources.put(KIND.policy, qualifierKey(name, qualifier), next, name);
    bumpRevision(ctx, target);
    return added;
  });
  return { status: 201, body: { Statement: JSON.stringify(statement) } };
};

// GET /2015-03-31/functions/{FunctionName}/policy — GetPolicy
const getPolicy = (req: ApiRequest<Input<GetPolicyRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const { name, qualifier } = parseTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  const target = resolveQualifier(ctx, name, qualifier);
  const policy = getPolicyDoc(ctx, name, target.qualifier);
  if (!policy) throw resourceNotFound("The resource you requested does not exist.");
  return { body: { Policy: JSON.stringify(policy), RevisionId: target.revisionId } };
};

// DELETE /2015-03-31/functions/{FunctionName}/policy/{StatementId} — RemovePermission
const removePermission = (
  req: ApiRequest<Input<RemovePermissionRequest, "FunctionName" | "StatementId">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const { name, qualifier } = parseTarget(ctx, input.FunctionName, input.Qualifier);
  ctx.functions.transaction(() => {
    const target = resolveQualifier(ctx, name, qualifier);
    const policy = getPolicyDoc(ctx, name, target.qualifier);
    if (!policy) throw resourceNotFound("No policy is associated with the given resource.");
    const kept = policy.Statement.filter((s) => s.Sid !== input.StatementId);
    if (kept.length === policy.Statement.length) {
      throw resourceNotFound(`Statement ${input.StatementId} is not found in resource policy.`);
    }
    assertPolicyRevision(input.RevisionId, target);
    // A policy without statements does not exist (GetPolicy answers not found again).
    if (kept.length === 0) ctx.resources.delete(KIND.policy, qualifierKey(name, target.qualifier));
    else ctx.resources.put(KIND.policy, qualifierKey(name, target.qualifier), { ...policy, Statement: kept }, name);
    bumpRevision(ctx, target);
  });
  return { status: 204 };
};

export const policyHandlers: HandlerMap = {
  AddPermission: addPermission,
  GetPolicy: getPolicy,
  RemovePermission: removePermission,
};
