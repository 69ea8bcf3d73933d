/** Typed path helpers: every in-app link and API URL is built here, with names encoded once. */

const enc = encodeURIComponent;

export type FunctionTab =
  "overview" | "code" | "test" | "invocations" | "durable-executions" | "configuration" | "aliases" | "versions";

/** `?a=1&b=2` from the defined entries, or "" when there are none. */
function search(query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export const routes = {
  home: () => "/",
  /** `create` opens the Create dialog; `"durable"` opens it with the Durable option on. */
  functions: (query?: { q?: string; create?: boolean | "durable" }) =>
    query?.create
      ? `/functions?create=${query.create === "durable" ? "durable" : "1"}`
      : query?.q
        ? `/functions?q=${enc(query.q)}`
        : "/functions",
  function: (name: string, tab: FunctionTab = "overview") =>
    tab === "overview" ? `/functions/${enc(name)}` : `/functions/${enc(name)}/${tab}`,
  /** The Test tab, optionally opening with a payload (re-run from an invocation record). */
  functionTest: (name: string, query?: { from?: string }) => `/functions/${enc(name)}/test${search(query ?? {})}`,
  /** One invocation; `at` (when its REPORT was logged) lets a CloudWatch Logs read search a narrow window. */
  invocation: (name: string, requestId: string, at?: number) =>
    `/functions/${enc(name)}/invocations/${enc(requestId)}${search({ at: at !== undefined ? String(at) : undefined })}`,
  /** The Durable executions tab, on a version or alias other than $LATEST when given. */
  durableExecutions: (name: string, query?: { qualifier?: string }) =>
    `/functions/${enc(name)}/durable-executions${search({
      qualifier: query?.qualifier === "$LATEST" ? undefined : query?.qualifier,
    })}`,
  /** One durable execution's page; `key` comes from lib/durable-arn (`executionKey`). */
  durableExecution: (name: string, key: string) => `/functions/${enc(name)}/durable-executions/${enc(key)}`,
  /** One published version's configuration, read-only. */
  version: (name: string, version: string) => `/functions/${enc(name)}/versions/${enc(version)}`,
  layers: () => "/layers",
  layer: (layerName: string) => `/layers/${enc(layerName)}`,
  eventSourceMappings: () => "/event-source-mappings",
  codeSigning: () => "/code-signing",
  capacityProviders: () => "/capacity-providers",
  settings: () => "/settings",
  api: {
    functions: (query?: { marker?: string }) =>
      query?.marker ? `/api/functions?marker=${enc(query.marker)}` : "/api/functions",
    function: (name: string) => `/api/functions/${enc(name)}`,
    /** The deployed zip; `download` asks for `Content-Disposition: attachment`. */
    functionCode: (name: string, query?: { download?: boolean }) =>
      `/api/functions/${enc(name)}/code${query?.download ? "?download=1" : ""}`,
    versions: (name: string) => `/api/functions/${enc(name)}/versions`,
    version: (name: string, version: string) => `/api/functions/${enc(name)}/versions/${enc(version)}`,
    aliases: (name: string) => `/api/functions/${enc(name)}/aliases`,
    testEvents: (name: string) => `/api/functions/${enc(name)}/test-events`,
    policy: (name: string) => `/api/functions/${enc(name)}/policy`,
    functionUrl: (name: string) => `/api/functions/${enc(name)}/url`,
    functionUrlTest: (name: string) => `/api/functions/${enc(name)}/url/test`,
    provisionedConcurrency: (name: string) => `/api/functions/${enc(name)}/provisioned-concurrency`,
    eventInvokeConfig: (name: string) => `/api/functions/${enc(name)}/event-invoke-config`,
    account: () => "/api/account",
    layers: () => "/api/layers",
    eventSourceMappings: () => "/api/event-source-mappings",
    codeSigningConfigs: () => "/api/code-signing-configs",
    capacityProviders: () => "/api/capacity-providers",
    layerVersions: (layerName: string) => `/api/layers/${enc(layerName)}/versions`,
    layerVersionContent: (layerName: string, version: number) =>
      `/api/layers/${enc(layerName)}/versions/${version}/content`,
    invocations: (name: string, query?: { marker?: string; status?: string; since?: string; maxItems?: number }) =>
      `/api/functions/${enc(name)}/invocations${search({
        marker: query?.marker,
        status: query?.status,
        since: query?.since,
        maxItems: query?.maxItems !== undefined ? String(query.maxItems) : undefined,
      })}`,
    /** `function` and `at` are what a CloudWatch Logs read needs (the emulator's records need neither). */
    invocation: (requestId: string, query?: { function?: string; at?: number }) =>
      `/api/invocations/${enc(requestId)}${search({
        function: query?.function,
        at: query?.at !== undefined ? String(query.at) : undefined,
      })}`,
    durableExecutions: (
      name: string,
      query?: { marker?: string; status?: string; name?: string; qualifier?: string; maxItems?: number },
    ) =>
      `/api/functions/${enc(name)}/durable-executions${search({
        marker: query?.marker,
        status: query?.status,
        name: query?.name,
        qualifier: query?.qualifier,
        maxItems: query?.maxItems !== undefined ? String(query.maxItems) : undefined,
      })}`,
    /** Execution ARNs hold `/` and `$`, so they travel as a query parameter rather than a path segment. */
    durableExecution: (arn: string) => `/api/durable-execution${search({ arn })}`,
    durableExecutionHistory: (arn: string) => `/api/durable-execution/history${search({ arn })}`,
    invokeStream: (name: string) => `/api/functions/${enc(name)}/invoke-stream`,
  },
} as const;
