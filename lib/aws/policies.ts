/** Resource-based policy verbs (the function's policy), named like the API. */
import "server-only";
import {
  AddPermissionCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
  type FunctionUrlAuthType,
} from "@aws-sdk/client-lambda";
import type { FunctionPolicy, PolicyStatement } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";
import { AwsCallError, isNotFound } from "./errors";

/** The function's policy statements; a function without a policy has none (GetPolicy answers 404). */
export async function getPolicy(functionName: string, qualifier?: string): Promise<FunctionPolicy> {
  try {
    const out = await call(() =>
      lambdaClient().send(new GetPolicyCommand({ FunctionName: functionName, Qualifier: qualifier })),
    );
    const doc = out.Policy ? (JSON.parse(out.Policy) as { Statement?: PolicyStatement[] | PolicyStatement }) : {};
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return { statements, ...(out.RevisionId ? { revisionId: out.RevisionId } : {}) };
  } catch (error) {
    // "The resource you requested does not exist." is GetPolicy's way of saying "no statements yet" —
    // but a missing function is a real error.
    if (error instanceof AwsCallError && isNotFound(error.detail) && !/function not found/i.test(error.message)) {
      return { statements: [] };
    }
    throw error;
  }
}

export interface AddPermissionInput {
  functionName: string;
  qualifier?: string;
  statementId: string;
  action: string;
  principal: string;
  sourceArn?: string;
  sourceAccount?: string;
  principalOrgId?: string;
  eventSourceToken?: string;
  functionUrlAuthType?: "NONE" | "AWS_IAM";
  invokedViaFunctionUrl?: boolean;
  revisionId?: string;
}

export async function addPermission(input: AddPermissionInput): Promise<PolicyStatement> {
  const out = await call(() =>
    lambdaClient().send(
      new AddPermissionCommand({
        FunctionName: input.functionName,
        Qualifier: input.qualifier,
        StatementId: input.statementId,
        Action: input.action,
        Principal: input.principal,
        SourceArn: input.sourceArn,
        SourceAccount: input.sourceAccount,
        PrincipalOrgID: input.principalOrgId,
        EventSourceToken: input.eventSourceToken,
        FunctionUrlAuthType: input.functionUrlAuthType as FunctionUrlAuthType | undefined,
        InvokedViaFunctionUrl: input.invokedViaFunctionUrl,
        RevisionId: input.revisionId,
      }),
    ),
  );
  return out.Statement ? (JSON.parse(out.Statement) as PolicyStatement) : { Sid: input.statementId };
}

export async function removePermission(input: {
  functionName: string;
  statementId: string;
  qualifier?: string;
  revisionId?: string;
}): Promise<void> {
  await call(() =>
    lambdaClient().send(
      new RemovePermissionCommand({
        FunctionName: input.functionName,
        StatementId: input.statementId,
        Qualifier: input.qualifier,
        RevisionId: input.revisionId,
      }),
    ),
  );
}
