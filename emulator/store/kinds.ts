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
  /**
   * key `${layerName}:${version}` (version unpadded, as in the ARN) — the GetLayerVersion response without
   * Content.Location, plus `ContentHash` (hex sha256: the CodeStore key of the zip; stripped from responses).
   * Shape: LayerVersionDoc in api/layers.ts. Gone after DeleteLayerVersion; see layerContent.
   */
  layerVersion: "layer-version",
  /** key layerName — { LayerName, LayerArn, LatestVersion } (version counter: numbers are never reused). */
  layer: "layer",
  /** key `${layerName}:${version}` — { RevisionId, Statements } (AddLayerVersionPermission). */
  layerVersionPolicy: "layer-version-policy",
  /**
   * key LayerVersionArn — { LayerVersionArn, ContentHash, CodeSize, CodeSha256 }. Written on publish and kept
   * after DeleteLayerVersion, so functions that use a deleted version keep their /opt content (as in AWS).
   */
  layerContent: "layer-content",
  /**
   * key uuid — { Configuration: EventSourceMappingConfiguration as the API returns it (LastModified epoch
   * seconds), Enabled: boolean (the desired state the mapping settles to) }. Not tied to the function:
   * AWS keeps a mapping (and its FunctionArn) when the function is deleted.
   */
  eventSourceMapping: "event-source-mapping",
  /** key csc id (`csc-…`) — CodeSigningConfig as the API returns it. */
  codeSigningConfig: "code-signing-config",
  /** key fn, parent fn — { CodeSigningConfigArn, FunctionName }. */
  functionCodeSigning: "function-code-signing",
  /** key name — CapacityProvider as the API returns it (State Pending → Active, Deleting → gone). */
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
