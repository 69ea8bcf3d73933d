/** The Configuration tab's table of contents: every section is an anchor, so a link can open one. */
export const CONFIGURATION_SECTIONS = [
  { id: "general", label: "General" },
  { id: "environment", label: "Environment variables" },
  { id: "runtime", label: "Runtime settings" },
  { id: "architecture", label: "Architecture" },
  { id: "layers", label: "Layers" },
  { id: "function-url", label: "Function URL" },
  { id: "permissions", label: "Permissions" },
  { id: "concurrency", label: "Concurrency" },
  { id: "async", label: "Asynchronous invocation" },
  { id: "durable", label: "Durable execution" },
  { id: "tags", label: "Tags" },
] as const;

export function ConfigurationNav() {
  return (
    <nav aria-label="Configuration sections" className="hidden lg:block">
      <ul className="sticky top-20 space-y-0.5 border-l text-sm">
        {CONFIGURATION_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="text-muted-foreground hover:text-foreground hover:border-foreground/40 focus-visible:ring-ring/50 -ml-px block border-l border-transparent py-1 pl-3 outline-none focus-visible:ring-[3px]"
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
