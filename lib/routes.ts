/** Typed path helpers: every in-app link and API URL is built here, with names encoded once. */

const enc = encodeURIComponent;

export type FunctionTab = "overview" | "code" | "test" | "configuration" | "aliases" | "versions";

export const routes = {
  home: () => "/",
  functions: (query?: { q?: string }) => (query?.q ? `/functions?q=${enc(query.q)}` : "/functions"),
  function: (name: string, tab: FunctionTab = "overview") =>
    tab === "overview" ? `/functions/${enc(name)}` : `/functions/${enc(name)}/${tab}`,
  layers: () => "/layers",
  eventSourceMappings: () => "/event-source-mappings",
  codeSigning: () => "/code-signing",
  capacityProviders: () => "/capacity-providers",
  settings: () => "/settings",
  api: {
    functions: (query?: { marker?: string }) =>
      query?.marker ? `/api/functions?marker=${enc(query.marker)}` : "/api/functions",
    function: (name: string) => `/api/functions/${enc(name)}`,
  },
} as const;
