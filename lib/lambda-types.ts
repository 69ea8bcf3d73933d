/**
 * Plain, serializable shapes of what the console shows: the subset of the Lambda API's output the UI
 * reads. lib/aws returns these (SDK types stay on the server), route handlers send them as JSON, and
 * TanStack Query caches them.
 */

import type { DurableConfig } from "./durable-types";
import type { LoggedInvocationDetail, LoggedInvocationsPage, LoggedInvocationSummary } from "./invocation-logs";
import type { InvocationDetail, InvocationsPage, InvocationSummary } from "./lambda-model/invocation-records";

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
  /** Present on durable functions: their executions can checkpoint, wait and resume (DurableConfig). */
  DurableConfig?: DurableConfig;
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

/** One entry of ListVersionsByFunction, trimmed to what the qualifier picker and the Versions tab show. */
export interface VersionSummary {
  Version: string;
  FunctionArn?: string;
  Description?: string;
  Runtime?: string;
  PackageType?: string;
  LastModified?: string;
  CodeSha256?: string;
  CodeSize?: number;
  RevisionId?: string;
}

/** One entry of ListAliases. */
export interface AliasSummary {
  Name: string;
  FunctionVersion: string;
  AliasArn?: string;
  Description?: string;
  RevisionId?: string;
  /** Extra versions and their traffic share (0–1), for weighted aliases. */
  AdditionalVersionWeights?: Record<string, number>;
}

/** PublishVersion's answer, plus whether Lambda made a new version or returned the latest one unchanged. */
export interface PublishedVersion {
  config: FunctionConfig;
  /** False when $LATEST equalled the newest published version and AWS returned that version. */
  created: boolean;
}

export type {
  DurableConfig,
  DurableError,
  DurableEventType,
  DurableExecutionDetail,
  DurableExecutionStatus,
  DurableExecutionSummary,
  DurableExecutionsPage,
  DurableHistory,
  DurableHistoryEvent,
} from "./durable-types";

export type {
  AsyncInvocationView,
  InvocationDetail,
  InvocationStatus,
  InvocationSummary,
  InvocationsPage,
} from "./lambda-model/invocation-records";
export type { LoggedInvocationDetail, LoggedInvocationsPage, LoggedInvocationSummary } from "./invocation-logs";

/**
 * The Invocations tab reads the emulator's records (everything, payloads included) or, where there are
 * none, the function's CloudWatch Logs (`Source: "CloudWatchLogs"`: no payloads, no invocation type);
 * `"Source" in x` tells them apart.
 */
export type InvocationListPage = InvocationsPage | LoggedInvocationsPage;
export type InvocationListItem = InvocationSummary | LoggedInvocationSummary;
export type InvocationView = InvocationDetail | LoggedInvocationDetail;

/** A saved test event: the console's own data (lib/store), kept per connection and function. */
export interface TestEvent {
  id: string;
  functionName: string;
  name: string;
  /** The event JSON as the user wrote it (formatting kept). */
  payload: string;
  createdAt: string;
  updatedAt: string;
}

/** One statement of a resource-based policy, as the service writes it (GetPolicy's JSON document). */
export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: string | Record<string, string | string[]>;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

/** GetPolicy, parsed: no policy at all is an empty statement list. */
export interface FunctionPolicy {
  statements: PolicyStatement[];
  revisionId?: string;
}

export interface CorsConfig {
  AllowCredentials?: boolean;
  AllowHeaders?: string[];
  AllowMethods?: string[];
  AllowOrigins?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
}

export type FunctionUrlAuthType = "NONE" | "AWS_IAM";
export type FunctionUrlInvokeMode = "BUFFERED" | "RESPONSE_STREAM";

export interface FunctionUrlConfig {
  FunctionUrl: string;
  FunctionArn?: string;
  AuthType: FunctionUrlAuthType;
  InvokeMode?: FunctionUrlInvokeMode;
  Cors?: CorsConfig;
  CreationTime?: string;
  LastModifiedTime?: string;
}

/** A request sent to a function URL from the console, and what came back. */
export interface UrlTestResult {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  durationMs: number;
}

export interface ProvisionedConcurrencyConfig {
  /** The version number or alias name, read from the qualified FunctionArn. */
  Qualifier: string;
  FunctionArn?: string;
  RequestedProvisionedConcurrentExecutions?: number;
  AvailableProvisionedConcurrentExecutions?: number;
  AllocatedProvisionedConcurrentExecutions?: number;
  /** IN_PROGRESS | READY | FAILED */
  Status?: string;
  StatusReason?: string;
  LastModified?: string;
}

/** GetAccountSettings, flattened to what the console shows. */
export interface AccountSettings {
  ConcurrentExecutions?: number;
  UnreservedConcurrentExecutions?: number;
  TotalCodeSize?: number;
  TotalCodeSizeUsed?: number;
  CodeSizeZipped?: number;
  CodeSizeUnzipped?: number;
  FunctionCount?: number;
}

/** A function's asynchronous invocation settings (Get/PutFunctionEventInvokeConfig), destinations flattened. */
export interface EventInvokeConfig {
  FunctionArn?: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  OnSuccess?: string;
  OnFailure?: string;
  /** ISO-8601. */
  LastModified?: string;
}

/** One version of a layer (ListLayerVersions / ListLayers' LatestMatchingVersion). */
export interface LayerVersionSummary {
  LayerVersionArn: string;
  Version: number;
  Description?: string;
  /** `2024-05-01T12:00:00.000+0000`. */
  CreatedDate?: string;
  CompatibleRuntimes?: string[];
  CompatibleArchitectures?: string[];
  LicenseInfo?: string;
}

export interface LayerSummary {
  LayerName: string;
  LayerArn: string;
  LatestMatchingVersion?: LayerVersionSummary;
}

/** GetLayerVersion / PublishLayerVersion, without the short-lived download URL. */
export interface LayerVersionDetail extends LayerVersionSummary {
  LayerArn?: string;
  CodeSha256?: string;
  CodeSize?: number;
}

/** An event source mapping as the console shows it (GetEventSourceMapping's fields, dates as ISO strings). */
export interface EventSourceMapping {
  UUID: string;
  EventSourceArn?: string;
  EventSourceMappingArn?: string;
  FunctionArn?: string;
  State?: string;
  StateTransitionReason?: string;
  LastModified?: string;
  LastProcessingResult?: string;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  StartingPosition?: string;
  StartingPositionTimestamp?: string;
  ParallelizationFactor?: number;
  MaximumRecordAgeInSeconds?: number;
  MaximumRetryAttempts?: number;
  BisectBatchOnFunctionError?: boolean;
  TumblingWindowInSeconds?: number;
  DestinationConfig?: { OnFailure?: { Destination?: string }; OnSuccess?: { Destination?: string } };
  FunctionResponseTypes?: string[];
  FilterCriteria?: { Filters?: { Pattern?: string }[] };
  Topics?: string[];
  Queues?: string[];
  SourceAccessConfigurations?: { Type?: string; URI?: string }[];
  SelfManagedEventSource?: { Endpoints?: Record<string, string[]> };
  ScalingConfig?: { MaximumConcurrency?: number };
  AmazonManagedKafkaEventSourceConfig?: { ConsumerGroupId?: string };
  SelfManagedKafkaEventSourceConfig?: { ConsumerGroupId?: string };
}

export interface CodeSigningConfig {
  CodeSigningConfigId: string;
  CodeSigningConfigArn: string;
  Description?: string;
  SigningProfileVersionArns: string[];
  /** Warn | Enforce */
  UntrustedArtifactOnDeployment: string;
  LastModified?: string;
}

export interface CapacityProvider {
  CapacityProviderArn: string;
  /** The last part of the ARN (the API names providers by it). */
  Name: string;
  /** Pending | Active | Failed | Deleting */
  State?: string;
  SubnetIds: string[];
  SecurityGroupIds: string[];
  OperatorRoleArn?: string;
  Architectures?: string[];
  AllowedInstanceTypes?: string[];
  ExcludedInstanceTypes?: string[];
  ScalingMode?: string;
  MaxVCpuCount?: number;
  /** Target CPU utilization (%) of the Manual scaling mode's policy. */
  TargetCpuUtilization?: number;
  KmsKeyArn?: string;
  LastModified?: string;
}
