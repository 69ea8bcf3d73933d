/**
 * One LambdaClient per connection. The console reaches the emulator exactly as it reaches AWS: signed
 * HTTP through the SDK (DESIGN.md §1). The connection can change at run time (Settings, the header's
 * connection menu), so clients are kept per connection and the active one is looked up on every call.
 */
import "server-only";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { fromIni } from "@aws-sdk/credential-providers";
import { serverConfig } from "@/lib/connection-registry";
import type { ServerConfig } from "@/lib/env";

const clients = new Map<string, LambdaClient>();

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

function createClient({ connection, credentials }: ServerConfig): LambdaClient {
  const local = connection.kind !== "aws";
  return new LambdaClient({
    region: connection.region,
    ...(local ? { endpoint: connection.endpoint } : {}),
    credentials: credentials ?? (connection.profile ? fromIni({ profile: connection.profile }) : undefined),
    // A local emulator that is down should say so at once, not after three back-offs; AWS keeps retries.
    maxAttempts: local ? 1 : 3,
    // Connecting should be quick; the response may legitimately take up to the 15-minute Lambda timeout.
    requestHandler: { connectionTimeout: local ? 2_000 : 5_000 },
  });
}

/** The client for `config`, by default the connection in use. */
export function lambdaClient(config: ServerConfig = serverConfig()): LambdaClient {
  const key = keyOf(config);
  let client = clients.get(key);
  if (!client) {
    client = createClient(config);
    clients.set(key, client);
  }
  return client;
}
