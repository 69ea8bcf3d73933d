/** The only place query keys are made (DESIGN.md §3): hierarchical, so one prefix invalidates a family. */
export const queryKeys = {
  functions: {
    all: () => ["functions"] as const,
    lists: () => ["functions", "list"] as const,
    list: () => ["functions", "list", "all"] as const,
    details: () => ["functions", "detail"] as const,
    detail: (name: string) => ["functions", "detail", name] as const,
  },
} as const;
