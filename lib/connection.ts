/**
 * What the console is connected to, in words safe to show anyone: never a key or a secret. Built on the
 * server by lib/env.ts and handed to the shell as a plain prop.
 */
export type ConnectionKind = "emulator" | "aws" | "endpoint";

export interface Connection {
  kind: ConnectionKind;
  /** The URL the SDK sends requests to (AWS: the regional Lambda endpoint). */
  endpoint: string;
  region: string;
  /** Known for the emulator (configured) and when the environment names it; otherwise undefined. */
  account?: string;
  /** AWS profile name when talking to AWS through one. */
  profile?: string;
}

export const CONNECTION_KIND_LABEL: Record<ConnectionKind, string> = {
  emulator: "Emulator",
  aws: "AWS",
  endpoint: "Custom endpoint",
};

/** The endpoint without its scheme, for compact display (`127.0.0.1:9001`). */
export function endpointHost(endpoint: string): string {
  return endpoint.replace(/^[a-z]+:\/\//i, "").replace(/\/$/, "");
}

/** The execution role a new function gets by default: only the emulator has one that always "exists". */
export function defaultRoleFor(connection: Connection): string {
  return connection.kind === "aws" ? "" : `arn:aws:iam::${connection.account ?? "000000000000"}:role/lambda-role`;
}
