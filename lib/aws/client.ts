/**
 * The one LambdaClient per connection. The console reaches the emulator exactly as it reaches AWS:
 * signed HTTP through the SDK (DESIGN.md §1).
 */
import "server-only";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { fromIni } from "@aws-sdk/credential-providers";
import { serverConfig } from "@/lib/env";

let client: LambdaClient | undefined;

export function lambdaClient(): LambdaClient {
  if (client) return client;
  const { connection, credentials } = serverConfig();
  const local = connection.kind !== "aws";
  client = new LambdaClient({
    region: connection.region,
    ...(local ? { endpoint: connection.endpoint } : {}),
    credentials: credentials ?? (connection.profile ? fromIni({ profile: connection.profile }) : undefined),
    // A local emulator that is down should say so at once, not after three back-offs; AWS keeps retries.
    maxAttempts: local ? 1 : 3,
    // Connecting should be quick; the response may legitimately take up to the 15-minute Lambda timeout.
    requestHandler: { connectionTimeout: local ? 2_000 : 5_000 },
  });
  return client;
}
