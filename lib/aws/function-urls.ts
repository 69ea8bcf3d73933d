/** Function URL verbs, named like the API, and sending a test request to a URL from the server. */
import "server-only";
import {
  CreateFunctionUrlConfigCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  UpdateFunctionUrlConfigCommand,
  type Cors,
} from "@aws-sdk/client-lambda";
import { SignatureV4 } from "@smithy/signature-v4";
import { serverConfig } from "@/lib/connection-registry";
import type {
  CorsConfig,
  FunctionUrlAuthType,
  FunctionUrlConfig,
  FunctionUrlInvokeMode,
  UrlTestResult,
} from "@/lib/lambda-types";
import { call, plain } from "./call";
import { lambdaClient } from "./client";
import { AwsCallError, isNotFound } from "./errors";

interface UrlOutput {
  FunctionUrl?: string;
  FunctionArn?: string;
  AuthType?: string;
  InvokeMode?: string;
  Cors?: Cors;
  CreationTime?: string;
  LastModifiedTime?: string;
}

function toUrlConfig(out: UrlOutput): FunctionUrlConfig {
  return plain({
    FunctionUrl: out.FunctionUrl ?? "",
    AuthType: (out.AuthType ?? "AWS_IAM") as FunctionUrlAuthType,
    ...(out.FunctionArn ? { FunctionArn: out.FunctionArn } : {}),
    ...(out.InvokeMode ? { InvokeMode: out.InvokeMode as FunctionUrlInvokeMode } : {}),
    ...(out.Cors ? { Cors: out.Cors as CorsConfig } : {}),
    ...(out.CreationTime ? { CreationTime: out.CreationTime } : {}),
    ...(out.LastModifiedTime ? { LastModifiedTime: out.LastModifiedTime } : {}),
  });
}

/** The function's ($LATEST) URL, or null when it has none. */
export async function getFunctionUrlConfig(functionName: string): Promise<FunctionUrlConfig | null> {
  try {
    const out = await call(() => lambdaClient().send(new GetFunctionUrlConfigCommand({ FunctionName: functionName })));
    return toUrlConfig(out);
  } catch (error) {
    if (error instanceof AwsCallError && isNotFound(error.detail) && !/function not found/i.test(error.message)) {
      return null;
    }
    throw error;
  }
}

export interface FunctionUrlInput {
  functionName: string;
  authType: FunctionUrlAuthType;
  invokeMode: FunctionUrlInvokeMode;
  /** Undefined: no CORS (create) / remove CORS (update sends an empty object). */
  cors?: CorsConfig;
}

export async function createFunctionUrlConfig(input: FunctionUrlInput): Promise<FunctionUrlConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateFunctionUrlConfigCommand({
        FunctionName: input.functionName,
        AuthType: input.authType,
        InvokeMode: input.invokeMode,
        ...(input.cors ? { Cors: input.cors } : {}),
      }),
    ),
  );
  return toUrlConfig(out);
}

export async function updateFunctionUrlConfig(input: FunctionUrlInput): Promise<FunctionUrlConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateFunctionUrlConfigCommand({
        FunctionName: input.functionName,
        AuthType: input.authType,
        InvokeMode: input.invokeMode,
        // Cors is replaced as a whole; an empty object clears it.
        Cors: input.cors ?? {},
      }),
    ),
  );
  return toUrlConfig(out);
}

export async function deleteFunctionUrlConfig(functionName: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteFunctionUrlConfigCommand({ FunctionName: functionName })));
}

/**
 * Where the server can reach a URL. The emulator's URLs live on `<id>.lambda-url.<region>.localhost`, which
 * browsers resolve but Node's resolver does not; the emulator serves the same URL at `/_lambda-url/<id>/`
 * on its own address (emulator/function-urls/README.md).
 */
export function serverReachableUrl(functionUrl: string, path: string): string {
  const url = new URL(functionUrl);
  const suffix = path.startsWith("/") ? path : `/${path}`;
  const { connection } = serverConfig();
  const local = /^([a-z0-9]+)\.lambda-url\.[a-z0-9-]+\.localhost$/i.exec(url.hostname);
  if (local && connection.kind !== "aws") {
    return `${new URL(connection.endpoint).origin}/_lambda-url/${local[1]}${suffix}`;
  }
  return `${url.origin}${suffix}`;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);

/** Sends one request to the function's URL (signed for AWS_IAM URLs) and reports the answer. */
export async function sendFunctionUrlRequest(input: {
  functionName: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}): Promise<UrlTestResult> {
  const config = await getFunctionUrlConfig(input.functionName);
  if (!config) {
    throw new AwsCallError({ code: "ResourceNotFoundException", message: "This function has no URL.", status: 404 });
  }
  const target = new URL(serverReachableUrl(config.FunctionUrl, input.path || "/"));
  let headers: Record<string, string> = {
    ...(input.body !== undefined && input.contentType ? { "content-type": input.contentType } : {}),
  };
  if (config.AuthType === "AWS_IAM") {
    const client = lambdaClient();
    const signer = new SignatureV4({
      service: "lambda",
      region: await client.config.region(),
      credentials: client.config.credentials,
      sha256: client.config.sha256,
    });
    const query: Record<string, string> = {};
    target.searchParams.forEach((v, k) => (query[k] = v));
    const signed = await signer.sign({
      method: input.method,
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query,
      headers: { ...headers, host: target.host },
      ...(input.body !== undefined ? { body: input.body } : {}),
    });
    headers = signed.headers;
  }
  const started = performance.now();
  const response = await call(() =>
    fetch(target, {
      method: input.method,
      headers,
      ...(input.body !== undefined && input.method !== "GET" && input.method !== "HEAD" ? { body: input.body } : {}),
      cache: "no-store",
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    }),
  );
  const body = await response.text();
  return {
    url: config.FunctionUrl.replace(/\/$/, "") + (input.path.startsWith("/") ? input.path : `/${input.path}`),
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()].filter(([k]) => !HOP_BY_HOP.has(k)),
    body,
    durationMs: Math.round(performance.now() - started),
  };
}
