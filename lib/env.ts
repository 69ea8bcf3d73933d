/**
 * The console's environment, validated once. Defaults talk to the embedded emulator; `AWS_PROFILE`
 * (without `LAMBDA_ENDPOINT`) talks to real AWS; `LAMBDA_ENDPOINT` talks to any Lambda-compatible endpoint.
 */
import "server-only";
import { z } from "zod";
import type { Connection, ConnectionKind } from "./connection";

const DEFAULT_ENDPOINT = "http://127.0.0.1:9001";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const EnvSchema = z.object({
  LAMBDA_ENDPOINT: z.preprocess(blankToUndefined, z.url({ error: "LAMBDA_ENDPOINT must be a URL" }).optional()),
  /** Overrides the guess made from the endpoint (e.g. `endpoint` for LocalStack on localhost). */
  LAMBDA_CONNECTION_KIND: z.preprocess(blankToUndefined, z.enum(["emulator", "aws", "endpoint"]).optional()),
  AWS_REGION: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default("us-east-1"),
  ),
  AWS_PROFILE: optionalString,
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  AWS_SESSION_TOKEN: optionalString,
  /** The emulator's account, shared with `npm start` so both processes agree. */
  LAMBDA_EMULATOR_ACCOUNT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
  ),
  AWS_ACCOUNT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
  ),
});

export type Env = z.infer<typeof EnvSchema>;

export interface ServerConfig {
  connection: Connection;
  /** Static keys for the emulator or an endpoint; undefined means "use the profile / default chain". */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";
}

function kindOf(env: Env): ConnectionKind {
  if (env.LAMBDA_CONNECTION_KIND) return env.LAMBDA_CONNECTION_KIND;
  if (!env.LAMBDA_ENDPOINT) return env.AWS_PROFILE ? "aws" : "emulator";
  // A loopback endpoint is almost always the embedded emulator that `npm start` launched.
  return isLoopback(env.LAMBDA_ENDPOINT) ? "emulator" : "endpoint";
}

export function configFromEnv(source: Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid console environment: ${problems}`);
  }
  const env = parsed.data;
  const kind = kindOf(env);
  const region = env.AWS_REGION;
  if (kind === "aws" && !env.LAMBDA_ENDPOINT) {
    return {
      connection: {
        kind,
        endpoint: `https://lambda.${region}.amazonaws.com`,
        region,
        ...(env.AWS_ACCOUNT_ID ? { account: env.AWS_ACCOUNT_ID } : {}),
        ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
      },
    };
  }
  const endpoint = (env.LAMBDA_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/$/, "");
  const account = kind === "emulator" ? (env.LAMBDA_EMULATOR_ACCOUNT ?? "000000000000") : env.AWS_ACCOUNT_ID;
  return {
    connection: { kind, endpoint, region, ...(account ? { account } : {}) },
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? "test",
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "test",
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    },
  };
}

let cached: ServerConfig | undefined;

/**
 * The connection the server's start-up environment describes (what `npm start` chose). The one in use
 * may be another, picked in the console: see lib/connection-registry.ts.
 */
export function environmentConfig(): ServerConfig {
  cached ??= configFromEnv(process.env);
  return cached;
}
