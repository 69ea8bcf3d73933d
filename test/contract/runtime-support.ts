/**
 * Helpers for the runtime and Invoke contract tests: deploy a function from source files, invoke it
 * with the real SDK and read the answer, and call the emulator's SigV4-signed extension API.
 */
import {
  CreateFunctionCommand,
  InvokeCommand,
  type CreateFunctionCommandInput,
  type InvokeCommandInput,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { settled } from "../support/control-plane";
import { ROLE, zipOf } from "../support/emulator";

/** The nodejs runtime of the host's major: runs without downloading a Node build. */
export const HOST_NODE_RUNTIME =
  `nodejs${process.versions.node.split(".")[0]}.x` as CreateFunctionCommandInput["Runtime"];

export async function deploy(
  client: LambdaClient,
  name: string,
  files: Record<string, string>,
  extra: Partial<CreateFunctionCommandInput> = {},
): Promise<void> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: HOST_NODE_RUNTIME,
      Handler: "index.handler",
      Code: { ZipFile: zipOf(files) },
      ...extra,
    }),
  );
  await settled(client, name);
}

export interface Invoked {
  status: number | undefined;
  /** The payload as text. */
  text: string;
  /** The payload parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  functionError: string | undefined;
  executedVersion: string | undefined;
  /** The decoded X-Amz-Log-Result (LogType Tail). */
  log: string;
  requestId: string | undefined;
}

export async function invoke(
  client: LambdaClient,
  name: string,
  event?: unknown,
  extra: Partial<InvokeCommandInput> = {},
): Promise<Invoked> {
  const out = await client.send(
    new InvokeCommand({
      FunctionName: name,
      LogType: "Tail",
      ...(event !== undefined ? { Payload: Buffer.from(JSON.stringify(event)) } : {}),
      ...extra,
    }),
  );
  const text = out.Payload ? Buffer.from(out.Payload).toString("utf8") : "";
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: out.StatusCode,
    text,
    json,
    functionError: out.FunctionError,
    executedVersion: out.ExecutedVersion,
    log: out.LogResult ? Buffer.from(out.LogResult, "base64").toString("utf8") : "",
    requestId: out.$metadata.requestId,
  };
}

/** A SigV4-signed GET against the emulator (service `lambda`), as the console sends extension calls. */
export async function signedGet(
  baseUrl: string,
  path: string,
  query: Record<string, string> = {},
  credentials = { accessKeyId: "test", secretAccessKey: "test" },
): Promise<{ status: number; body: unknown; errorType: string | null }> {
  const url = new URL(baseUrl);
  const signer = new SignatureV4({ service: "lambda", region: "us-east-1", credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: "GET",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers: { host: url.host },
  });
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${baseUrl}${path}${qs ? `?${qs}` : ""}`, {
    headers: signed.headers as Record<string, string>,
  });
  return { status: res.status, body: await res.json(), errorType: res.headers.get("x-amzn-errortype") };
}
