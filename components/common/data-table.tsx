import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/**
 * The console's plain resource table (versions, aliases, layers, mappings): the functions table's look —
 * muted header, compact rows, a card border — for lists that need no sorting.
 */
export function DataTable({
  label,
  columns,
  children,
  className,
}: {
  /** The table's accessible name. */
  label: string;
  /** Header cells; `srOnly` hides a column's name visually (an actions column). */
  columns: { key: string; label: string; align?: "right"; className?: string; srOnly?: boolean }[];
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("bg-card overflow-hidden rounded-lg border", className)}>
      <Table aria-label={label} className="text-[0.8125rem]">
        <TableHeader className="bg-muted/40">
          <TableRow className="hover:bg-transparent">
            {columns.map((c) => (
              <TableHead
                key={c.key}
                className={cn(
                  "text-muted-foreground h-9 px-3 text-xs font-medium first:pl-4 last:pr-4",
                  c.align === "right" && "text-right",
                  c.className,
                )}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}

export function DataRow({ children, className }: { children: React.ReactNode; className?: string }) {
  return <TableRow className={className}>{children}</TableRow>;
}

export function DataCell({
  children,
  align,
  className,
  colSpan,
}: {
  children?: React.ReactNode;
  align?: "right";
  className?: string;
  colSpan?: number;
}) {
  return (
    <TableCell
      colSpan={colSpan}
      className={cn("h-11 px-3 py-1.5 first:pl-4 last:pr-4", align === "right" && "text-right", className)}
    >
      {children}
    </TableCell>
  );
}

/** A dash for a missing value, quieter than text. */
export function NoValue({ children = "—" }: { children?: React.ReactNode }) {
  return <span className="text-muted-foreground/70">{children}</span>;
}

/** A description column: it takes the row's spare width and truncates to one line (the whole text on hover). */
export function DescriptionCell({ value }: { value: string | undefined }) {
  return (
    <DataCell className="w-full max-w-0 min-w-40">
      {value ? (
        <span className="text-muted-foreground block truncate" title={value}>
          {value}
        </span>
      ) : (
        <NoValue />
      )}
    </DataCell>
  );
}
