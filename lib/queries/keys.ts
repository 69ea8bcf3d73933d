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
  },
  testEvents: {
    list: (name: string) => ["test-events", name] as const,
  },
  invocations: {
    all: () => ["invocations"] as const,
    byFunction: (name: string) => ["invocations", "function", name] as const,
    list: (name: string, filters: { status?: string }) =>
      ["invocations", "function", name, "list", filters.status ?? "all"] as const,
    detail: (requestId: string) => ["invocations", "detail", requestId] as const,
  },
} as const;
