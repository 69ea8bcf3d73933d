/** The Settings page's connection forms: add an endpoint, switch, test, remove. Shared by form and action. */
import { z } from "zod";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const SaveConnectionSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, { error: "Give the connection a name." })
    .max(64, { error: "Names are at most 64 characters." }),
  endpoint: z
    .string()
    .trim()
    .url({ error: "An endpoint is a URL such as http://localhost:4566." })
    .refine((url) => /^https?:\/\//i.test(url), { error: "Endpoints use http:// or https://." }),
  region: z.string().trim().regex(REGION, { error: "A region looks like us-east-1." }),
  accessKeyId: z
    .string()
    .trim()
    .min(1, { error: "Enter the access key the endpoint accepts (the emulator's is test)." })
    .max(128),
  secretAccessKey: z.string().min(1, { error: "Enter the secret key (the emulator's is test)." }).max(256),
  /**
   * What answers there, as LAMBDA_CONNECTION_KIND says it for the start-up connection: `auto` takes a
   * loopback address for the Lambda Console emulator (its invocation records), anything else for another
   * endpoint (invocations read from CloudWatch Logs).
   */
  kind: z.enum(["auto", "emulator", "endpoint"]),
});
export type SaveConnectionSchema = z.infer<typeof SaveConnectionSchema>;

export const ConnectionRefSchema = z.object({
  id: z.string().regex(/^(environment|profile:.+|saved:[0-9a-f-]{36})$/, { error: "Not a connection." }),
  /** AWS profiles only: the region to use with it. */
  region: z.string().regex(REGION, { error: "A region looks like us-east-1." }).optional(),
});
export type ConnectionRefSchema = z.infer<typeof ConnectionRefSchema>;
