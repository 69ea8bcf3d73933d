/**
 * Function URL forms: auth type, invoke mode and CORS, from the reference's CreateFunctionUrlConfig
 * members and Cors type, with messages for people.
 */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { structureSchema } from "@/lib/lambda-model/validate";

export const AUTH_TYPES = (inputMember("CreateFunctionUrlConfig", "AuthType").enum ?? ["NONE", "AWS_IAM"]) as [
  "NONE",
  "AWS_IAM",
];
export const INVOKE_MODES = (inputMember("CreateFunctionUrlConfig", "InvokeMode").enum ?? [
  "BUFFERED",
  "RESPONSE_STREAM",
]) as ["BUFFERED", "RESPONSE_STREAM"];

const origins = typeMember("Cors", "AllowOrigins");
const methods = typeMember("Cors", "AllowMethods");
const headers = typeMember("Cors", "AllowHeaders");
const maxAge = typeMember("Cors", "MaxAge");

export const CORS_LIMITS = {
  maxOrigins: origins.maxItems ?? 100,
  originMax: origins.itemMax ?? 253,
  maxMethods: methods.maxItems ?? 6,
  maxHeaders: headers.maxItems ?? 100,
  headerMax: headers.itemMax ?? 1024,
  maxAgeMax: maxAge.max ?? 86400,
} as const;

/** The methods a URL's CORS can allow; `*` stands for all of them. */
export const CORS_METHODS = ["*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const list = (max: number, itemMax: number, what: string) =>
  z
    .array(z.string().max(itemMax, { error: `Each ${what} is at most ${itemMax} characters.` }))
    .max(max, { error: `At most ${max} ${what}s.` });

const ApiCors = structureSchema("Cors");

export const CorsSchema = z
  .object({
    AllowOrigins: list(CORS_LIMITS.maxOrigins, CORS_LIMITS.originMax, "origin")
      .refine((o) => o.every((x) => x.length > 0), { error: "Origins cannot be empty." })
      .optional(),
    AllowMethods: list(CORS_LIMITS.maxMethods, 6, "method").optional(),
    AllowHeaders: list(CORS_LIMITS.maxHeaders, CORS_LIMITS.headerMax, "header").optional(),
    ExposeHeaders: list(CORS_LIMITS.maxHeaders, CORS_LIMITS.headerMax, "header").optional(),
    MaxAge: z
      .number({ error: "Enter seconds." })
      .int({ error: "Whole seconds only." })
      .min(0, { error: "At least 0 seconds." })
      .max(CORS_LIMITS.maxAgeMax, { error: `At most ${CORS_LIMITS.maxAgeMax} seconds (24 hours).` })
      .optional(),
    AllowCredentials: z.boolean().optional(),
  })
  // The model's own check, in case the reference constrains something the fields above do not.
  .refine((c) => ApiCors.safeParse(c).success, { error: "The CORS settings are not valid for Lambda." });

export const FunctionUrlFormSchema = z.object({
  functionName: FunctionNameSchema,
  authType: z.enum(AUTH_TYPES),
  invokeMode: z.enum(INVOKE_MODES),
  cors: CorsSchema.optional(),
});
export type FunctionUrlFormSchema = z.infer<typeof FunctionUrlFormSchema>;

export const FunctionUrlRefSchema = z.object({ functionName: FunctionNameSchema });

export const UrlTestRequestSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
  path: z.string().max(2048).regex(/^\//, { error: "Paths start with /." }),
  body: z
    .string()
    .max(6 * 1024 * 1024)
    .optional(),
  contentType: z.string().max(256).optional(),
});
export type UrlTestRequestSchema = z.infer<typeof UrlTestRequestSchema>;
