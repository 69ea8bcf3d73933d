/**
 * Invocation records: an extension of the embedded emulator (AWS keeps none; its answer is CloudWatch
 * Logs). The paths are not in the SDK, so the request is signed here with SigV4 — the client's own
 * credentials, region and hash — and sent to the connection's endpoint, exactly as the SDK would.
 *
 *   GET /2026-01-01/functions/{FunctionName}/invocations-log?Marker=&MaxItems=&Status=
 *   GET /2026-01-01/invocations/{RequestId}
 */
import "server-only";
import { SignatureV4 } from "@smithy/signature-v4";
import { serverConfig } from "@/lib/connection-registry";
import type { InvocationDetail, InvocationsPage, InvocationStatus } from "@/lib/lambda-types";
import { lambdaClient } from "./client";
import { AwsCallError } from "./errors";
import { call } from "./call";

/** Real AWS has no invocation records; the UI shows a designed state instead of calling. */
export function invocationRecordsAvailable(): boolean {
  return serverConfig().connection.kind !== "aws";
}

function unavailable(): AwsCallError {
  return new AwsCallError({
    code: "InvocationRecordsUnavailable",
    message:
      "Invocation history is kept by the embedded emulator. On AWS, read the function's CloudWatch Logs log group.",
    status: 501,
  });
}

async function signedGet<T>(path: string, query: Record<string, string>): Promise<T> {
  if (!invocationRecordsAvailable()) throw unavailable();
  const client = lambdaClient();
  const endpoint = new URL(serverConfig().connection.endpoint);
  const signer = new SignatureV4({
    service: "lambda",
    region: await client.config.region(),
    credentials: client.config.credentials,
    sha256: client.config.sha256,
  });
  const signed = await signer.sign({
    method: "GET",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    // Each label encoded once, as the SDK puts it on the wire; the signer encodes the canonical path again.
    path,
    query,
    headers: { host: endpoint.host },
  });
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  const url = `${endpoint.origin}${path}${search ? `?${search}` : ""}`;
  const response = await call(() => fetch(url, { headers: signed.headers, cache: "no-store" }));
  const text = await response.text();
  const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
  if (!response.ok) {
    // The emulator answers like the Lambda API: x-amzn-ErrorType names the error, the body says why.
    const errorType = response.headers.get("x-amzn-errortype")?.split(":")[0];
    let message = text;
    try {
      const body = JSON.parse(text) as { message?: string; Message?: string };
      message = body.message ?? body.Message ?? text;
    } catch {
      // not JSON: keep the text
    }
    // An endpoint without the extension (LocalStack, a proxy to AWS) is "unavailable", not broken.
    if (response.status === 404 && !errorType) throw unavailable();
    throw new AwsCallError({
      code: errorType ?? `Http${response.status}`,
      message: message || response.statusText,
      status: response.status,
      ...(requestId ? { requestId } : {}),
    });
  }
  return JSON.parse(text) as T;
}

export async function listInvocations(
  functionName: string,
  input: { marker?: string; maxItems?: number; status?: InvocationStatus } = {},
): Promise<InvocationsPage> {
  const query: Record<string, string> = { MaxItems: String(input.maxItems ?? 50) };
  if (input.marker) query.Marker = input.marker;
  if (input.status) query.Status = input.status;
  return signedGet<InvocationsPage>(`/2026-01-01/functions/${encodeURIComponent(functionName)}/invocations-log`, query);
}

export async function getInvocation(requestId: string): Promise<InvocationDetail> {
  return signedGet<InvocationDetail>(`/2026-01-01/invocations/${encodeURIComponent(requestId)}`, {});
}
