/** Compatible runtimes or architectures as small monospace chips; "Any" when a layer declares none. */
export function RuntimeTags({ values, max = 4, label }: { values: string[] | undefined; max?: number; label: string }) {
  if (!values || values.length === 0) return <span className="text-muted-foreground/70 text-xs">Any</span>;
  const shown = values.slice(0, max);
  return (
    <ul className="flex min-w-48 flex-wrap gap-1" aria-label={label}>
      {shown.map((v) => (
        <li key={v} className="bg-muted rounded border px-1.5 py-px font-mono text-[0.6875rem]">
          {v}
        </li>
      ))}
      {values.length > max ? (
        <li className="text-muted-foreground px-1 text-[0.6875rem]" title={values.slice(max).join(", ")}>
          +{values.length - max}
        </li>
      ) : null}
    </ul>
  );
}
