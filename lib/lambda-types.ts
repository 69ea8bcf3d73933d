/**
 * Plain, serializable shapes of what the console shows: the subset of the Lambda API's output the UI
 * reads. lib/aws returns these (SDK types stay on the server), route handlers send them as JSON, and
 * TanStack Query caches them.
 */

export type FunctionState = "Pending" | "Active" | "Inactive" | "Failed";
export type LastUpdateStatus = "Successful" | "Failed" | "InProgress";

export interface FunctionConfig {
  FunctionName?: string;
  FunctionArn?: string;
  Runtime?: string;
  Role?: string;
  Handler?: string;
  CodeSize?: number;
  Description?: string;
  Timeout?: number;
  MemorySize?: number;
  /** `2024-05-01T12:00:00.000+0000`, as the API prints it. */
  LastModified?: string;
  CodeSha256?: string;
  Version?: string;
  Environment?: { Variables?: Record<string, string>; Error?: { ErrorCode?: string; Message?: string } };
  RevisionId?: string;
  State?: string;
  StateReason?: string;
  StateReasonCode?: string;
  LastUpdateStatus?: string;
  LastUpdateStatusReason?: string;
  LastUpdateStatusReasonCode?: string;
  PackageType?: string;
  Architectures?: string[];
  EphemeralStorage?: { Size?: number };
  Layers?: { Arn?: string; CodeSize?: number }[];
  LoggingConfig?: { LogFormat?: string; LogGroup?: string };
}

export interface FunctionDetails {
  Configuration: FunctionConfig;
  Code?: { RepositoryType?: string; Location?: string; ImageUri?: string };
  Tags?: Record<string, string>;
  Concurrency?: { ReservedConcurrentExecutions?: number };
}

/** One page of ListFunctions. */
export interface FunctionsPage {
  Functions: FunctionConfig[];
  NextMarker?: string;
}

export interface InvokeOutcome {
  StatusCode: number;
  /** `Unhandled` / `Handled` when the function threw; absent on success. */
  FunctionError?: string;
  ExecutedVersion?: string;
  /** The response payload as text (usually JSON). */
  Payload: string;
  /** Decoded `X-Amz-Log-Result` (the last 4 KB of the log), when LogType was Tail. */
  LogTail?: string;
  RequestId?: string;
  /** Wall time seen by the console, including the network, in ms. */
  ClientDurationMs: number;
}
