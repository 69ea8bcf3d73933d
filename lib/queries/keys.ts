/** The only place query keys are made (DESIGN.md §3): hierarchical, so one prefix invalidates a family. */
export const queryKeys = {
  functions: {
    all: () => ["functions"] as const,
    lists: () => ["functions", "list"] as const,
    list: () => ["functions", "list", "all"] as const,
    details: () => ["functions", "detail"] as const,
    detail: (name: string) => ["functions", "detail", name] as const,
  },
  // Below are families of their own, not under `functions.detail`: a configuration save invalidates the
  // detail, and must not re-download the code or refetch saved events.
  code: {
    /** The deployed package, keyed by its hash so a new deploy is a new entry. */
    zip: (name: string, codeSha256: string) => ["code", name, codeSha256] as const,
  },
  qualifiers: {
    all: (name: string) => ["qualifiers", name] as const,
    versions: (name: string) => ["qualifiers", name, "versions"] as const,
    aliases: (name: string) => ["qualifiers", name, "aliases"] as const,
    /** One published version's configuration (immutable once published). */
    version: (name: string, version: string) => ["qualifiers", name, "version", version] as const,
  },
  // A function's other settings, each its own family so a save refetches only its section.
  policy: (name: string) => ["policy", name] as const,
  functionUrl: (name: string) => ["function-url", name] as const,
  provisionedConcurrency: (name: string) => ["provisioned-concurrency", name] as const,
  eventInvokeConfig: (name: string) => ["event-invoke-config", name] as const,
  account: {
    settings: () => ["account", "settings"] as const,
  },
  layers: {
    all: () => ["layers"] as const,
    list: () => ["layers", "list"] as const,
    versions: (layerName: string) => ["layers", "versions", layerName] as const,
  },
  eventSourceMappings: {
    all: () => ["event-source-mappings"] as const,
    list: () => ["event-source-mappings", "list"] as const,
  },
  codeSigningConfigs: {
    all: () => ["code-signing-configs"] as const,
    list: () => ["code-signing-configs", "list"] as const,
  },
  capacityProviders: {
    all: () => ["capacity-providers"] as const,
    list: () => ["capacity-providers", "list"] as const,
  },
  testEvents: {
    list: (name: string) => ["test-events", name] as const,
  },
  invocations: {
    all: () => ["invocations"] as const,
    byFunction: (name: string) => ["invocations", "function", name] as const,
    list: (name: string, filters: { status?: string; since?: string }) =>
      ["invocations", "function", name, "list", filters.status ?? "all", filters.since ?? "any"] as const,
    detail: (requestId: string) => ["invocations", "detail", requestId] as const,
  },
  durableExecutions: {
    all: () => ["durable-executions"] as const,
    byFunction: (name: string) => ["durable-executions", "function", name] as const,
    list: (name: string, filters: { status?: string; name?: string; qualifier?: string }) =>
      [
        "durable-executions",
        "function",
        name,
        "list",
        filters.qualifier ?? "$LATEST",
        filters.status ?? "all",
        filters.name ?? "",
      ] as const,
    /** One execution and its history, invalidated together after a stop or a callback. */
    execution: (arn: string) => ["durable-executions", "execution", arn] as const,
    detail: (arn: string) => ["durable-executions", "execution", arn, "detail"] as const,
    history: (arn: string) => ["durable-executions", "execution", arn, "history"] as const,
  },
} as const;
