/**
 * One LambdaClient (and one CloudWatchLogsClient) per connection. The console reaches the emulator exactly
 * as it reaches AWS: signed HTTP through the SDK (DESIGN.md §1). The connection can change at run time
 * (Settings, the header's connection menu), so clients are kept per connection and the active one is
 * looked up on every call.
 */
import "server-only";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { fromIni } from "@aws-sdk/credential-providers";
import { serverConfig } from "@/lib/connection-registry";
import type { ServerConfig } from "@/lib/env";

const clients = new Map<string, LambdaClient>();
const logsClients = new Map<string, CloudWatchLogsClient>();

/** Everything that makes two configs need different clients (keys included, never shown anywhere). */
function keyOf({ connection, credentials }: ServerConfig): string {
  return JSON.stringify([
    connection.kind,
    connection.endpoint,
    connection.region,
    connection.profile ?? "",
    credentials?.accessKeyId ?? "",
    credentials?.secretAccessKey ?? "",
    credentials?.sessionToken ?? "",
  ]);
}

/** What both clients of a connection share: region, endpoint (not on AWS), credentials, retries. */
function clientConfig({ connection, credentials }: ServerConfig) {
  const local = connection.kind !== "aws";
  return {
    region: connection.region,
    // The emulator (and LocalStack) answer CloudWatch Logs on the same port as Lambda; AWS has its own.
    ...(local ? { endpoint: connection.endpoint } : {}),
    credentials: credentials ?? (connection.profile ? fromIni({ profile: connection.profile }) : undefined),
    // A local emulator that is down should say so at once, not after three back-offs; AWS keeps retries.
    maxAttempts: local ? 1 : 3,
    // Connecting should be quick; the response may legitimately take up to the 15-minute Lambda timeout.
    requestHandler: { connectionTimeout: local ? 2_000 : 5_000 },
  };
}

/** The client for `config`, by default the connection in use. */
export function lambdaClient(config: ServerConfig = serverConfig()): LambdaClient {
  const key = keyOf(config);
  let client = clients.get(key);
  if (!client) {
    client = new LambdaClient(clientConfig(config));
    clients.set(key, client);
  }
  return client;
}

/** The CloudWatch Logs client for `config` (where invocations are read when records are not kept). */
export function logsClient(config: ServerConfig = serverConfig()): CloudWatchLogsClient {
  const key = keyOf(config);
  let client = logsClients.get(key);
  if (!client) {
    client = new CloudWatchLogsClient(clientConfig(config));
    logsClients.set(key, client);
  }
  return client;
}
