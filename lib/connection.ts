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

/** Where a connection choice comes from: the server's start-up environment, an AWS profile, or Settings. */
export type ConnectionSource = "environment" | "profile" | "saved";

/** One connection the console can switch to, safe for the browser (no keys). */
export interface ConnectionOption {
  /** `environment`, `profile:<name>` or `saved:<id>`. */
  id: string;
  label: string;
  source: ConnectionSource;
  connection: Connection;
  /** True when the user picks the region (AWS); an endpoint or the emulator fixes its own. */
  regionChoice: boolean;
}

export interface ConnectionChoices {
  activeId: string;
  options: ConnectionOption[];
}

/** The regions Lambda runs in (commercial partition), for the region picker of AWS connections. */
export const LAMBDA_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-south-1",
  "eu-south-2",
  "eu-north-1",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "mx-central-1",
  "sa-east-1",
] as const;
