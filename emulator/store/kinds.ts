/**
 * The document kinds kept in the `resources` table, with their key conventions, so every API module
 * that reads another family's documents agrees on where they live. Parent is the function name for
 * documents that must vanish with their function.
 */
export const KIND = {
  /** key `${fn}:${alias}`, parent fn — AliasConfiguration as the API returns it. */
  alias: "alias",
  /** key = resource ARN (unqualified function ARN, ESM/CSC/capacity-provider ARN) — Record<string,string>. */
  tags: "tags",
  /** key fn, parent fn — { ReservedConcurrentExecutions }. */
  concurrency: "concurrency",
  /** key `${fn}:${qualifier}` ("$LATEST" for none), parent fn — resource policy document. */
  policy: "policy",
  /** key `${fn}:${qualifier}`, parent fn — FunctionUrlConfig. */
  functionUrl: "function-url",
  /** key `${fn}:${qualifier}`, parent fn — FunctionEventInvokeConfig. */
  eventInvokeConfig: "event-invoke-config",
  /** key `${fn}:${qualifier}`, parent fn — provisioned concurrency config. */
  provisionedConcurrency: "provisioned-concurrency",
  /** key `${layerName}:${version padded}` — layer version document (with content hash). */
  layerVersion: "layer-version",
  /** key uuid — EventSourceMappingConfiguration. */
  eventSourceMapping: "event-source-mapping",
  /** key csc id — CodeSigningConfig. */
  codeSigningConfig: "code-signing-config",
  /** key fn, parent fn — { CodeSigningConfigArn }. */
  functionCodeSigning: "function-code-signing",
  /** key name — CapacityProvider. */
  capacityProvider: "capacity-provider",
  /** key fn, parent fn — { RecursiveLoop }. */
  recursionConfig: "recursion-config",
  /** key `${fn}:${qualifier}`, parent fn — FunctionScalingConfig. */
  scalingConfig: "scaling-config",
  /** key `${fn}:${qualifier}`, parent fn — RuntimeManagementConfig. */
  runtimeManagement: "runtime-management",
  /** key `${fn}:${version}`, parent fn — { ImageUri } of a PackageType Image function. */
  imageUri: "image-uri",
} as const;

export type Kind = (typeof KIND)[keyof typeof KIND];
