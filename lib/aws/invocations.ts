/**
 * The Invocations tab's reads. Connected to the embedded emulator (kind `emulator`), they use its
 * invocation-record extension: every invocation with its payloads, response and log. Anywhere else (AWS,
 * another endpoint) — or when the endpoint answers 404 to the extension — they read the function's
 * CloudWatch Logs log group instead (logged-invocations.ts), as one would on AWS.
 *
 * The extension's paths are not in the SDK, so the request is signed here with SigV4 — the client's own
 * credentials, region and hash — and sent to the connection's endpoint, exactly as the SDK would.
 *
 *   GET /2026-01-01/functions/{FunctionName}/invocations-log?Marker=&MaxItems=&Status=
 *   GET /2026-01-01/invocations/{RequestId}
 */
import "server-only";
import { SignatureV4 } from "@smithy/signature-v4";
import { serverConfig } from "@/lib/connection-registry";
import type {
  InvocationDetail,
  InvocationListPage,
  InvocationsPage,
  InvocationStatus,
  InvocationView,
} from "@/lib/lambda-types";
import { lambdaClient } from "./client";
import { AwsCallError } from "./errors";
import { call } from "./call";
import { getLoggedInvocation, listLoggedInvocations } from "./logged-invocations";

/** Only the embedded emulator keeps invocation records; everything else is read from CloudWatch Logs. */
export function usesInvocationRecords(): boolean {
  return serverConfig().connection.kind === "emulator";
}

/** The endpoint does not serve the records extension (another emulator, a proxy): read the logs. */
class RecordsUnavailable extends Error {}

async function signedGet<T>(path: string, query: Record<string, string>): Promise<T> {
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
    if (response.status === 404 && (!errorType || errorType === "UnknownOperationException")) {
      throw new RecordsUnavailable();
    }
    throw new AwsCallError({
      code: errorType ?? `Http${response.status}`,
      message: message || response.statusText,
      status: response.status,
      ...(requestId ? { requestId } : {}),
    });
  }
  return JSON.parse(text) as T;
}

export interface ListInvocationsInput {
  marker?: string;
  maxItems?: number;
  status?: InvocationStatus;
  /** Only invocations of the last this many ms: bounds a log search (the tab filters records itself). */
  withinMs?: number;
}

export async function listInvocations(
  functionName: string,
  input: ListInvocationsInput = {},
): Promise<InvocationListPage> {
  if (usesInvocationRecords()) {
    const query: Record<string, string> = { MaxItems: String(input.maxItems ?? 50) };
    if (input.marker) query.Marker = input.marker;
    if (input.status) query.Status = input.status;
    try {
      return await signedGet<InvocationsPage>(
        `/2026-01-01/functions/${encodeURIComponent(functionName)}/invocations-log`,
        query,
      );
    } catch (error) {
      if (!(error instanceof RecordsUnavailable)) throw error;
    }
  }
  return listLoggedInvocations(functionName, input);
}

/**
 * One invocation. From CloudWatch Logs it needs the function (its log group) and, to search a narrow
 * window, `at` — when its REPORT was written, as the list gave it.
 */
export async function getInvocation(
  requestId: string,
  logs: { functionName?: string; at?: number } = {},
): Promise<InvocationView> {
  if (usesInvocationRecords()) {
    try {
      return await signedGet<InvocationDetail>(`/2026-01-01/invocations/${encodeURIComponent(requestId)}`, {});
    } catch (error) {
      if (!(error instanceof RecordsUnavailable)) throw error;
    }
  }
  if (!logs.functionName) {
    throw new AwsCallError({
      code: "InvalidParameterValueException",
      message: "Reading an invocation from CloudWatch Logs needs its function's name.",
      status: 400,
    });
  }
  return getLoggedInvocation(logs.functionName, requestId, logs.at);
}
