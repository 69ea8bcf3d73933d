"use server";
/** Resource-based policy writes: one statement added or removed per action. */
import { addPermission, removePermission } from "@/lib/aws/policies";
import { AddPermissionFormSchema, RemovePermissionFormSchema } from "@/lib/permission-forms";
import { defineAction } from "./define-action";

export const addPermissionAction = defineAction(AddPermissionFormSchema, async (input) =>
  addPermission({
    functionName: input.functionName,
    statementId: input.statementId,
    action: input.action,
    principal: input.principal,
    ...(input.sourceArn ? { sourceArn: input.sourceArn } : {}),
    ...(input.sourceAccount ? { sourceAccount: input.sourceAccount } : {}),
    ...(input.principalOrgId ? { principalOrgId: input.principalOrgId } : {}),
    ...(input.functionUrlAuthType ? { functionUrlAuthType: input.functionUrlAuthType } : {}),
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  }),
);

export const removePermissionAction = defineAction(RemovePermissionFormSchema, async (input) => {
  await removePermission({
    functionName: input.functionName,
    statementId: input.statementId,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  });
  return { statementId: input.statementId };
});
