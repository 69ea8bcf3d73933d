/** AddPermission / RemovePermission inputs, each member checked with the reference's own constraint. */
import { z } from "zod";
import { inputMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const member = (name: string) => memberSchema(inputMember("AddPermission", name));

export const StatementIdSchema = z
  .string()
  .min(1, { error: "Enter a statement ID." })
  .max(100, { error: "Statement IDs are at most 100 characters." })
  .pipe(friendly(member("StatementId"), "Use letters, digits, hyphens and underscores."));

export const PermissionActionSchema = friendly(
  member("Action"),
  "Use lambda:<Action> (e.g. lambda:InvokeFunction), lambda:* or *.",
);

export const PrincipalSchema = z
  .string()
  .min(1, { error: "Enter who is allowed: a service, an account ID, an ARN or *." })
  .pipe(friendly(member("Principal"), "Principals contain no spaces."));

const optional = (schema: z.ZodType, message: string) => friendly(schema, message).optional();

export const AddPermissionFormSchema = z.object({
  functionName: FunctionNameSchema,
  statementId: StatementIdSchema,
  action: PermissionActionSchema,
  principal: PrincipalSchema,
  sourceArn: optional(member("SourceArn"), "Enter an ARN, like arn:aws:s3:::my-bucket."),
  sourceAccount: optional(member("SourceAccount"), "Account IDs are 12 digits."),
  principalOrgId: optional(member("PrincipalOrgID"), "Organization IDs look like o-a1b2c3d4e5."),
  functionUrlAuthType: z.enum(["NONE", "AWS_IAM"]).optional(),
  revisionId: z.string().optional(),
});
export type AddPermissionFormSchema = z.infer<typeof AddPermissionFormSchema>;

export const RemovePermissionFormSchema = z.object({
  functionName: FunctionNameSchema,
  statementId: StatementIdSchema,
  revisionId: z.string().optional(),
});
export type RemovePermissionFormSchema = z.infer<typeof RemovePermissionFormSchema>;
