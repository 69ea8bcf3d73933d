"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { RelativeTime } from "@/components/common/relative-time";
import { StateBadge } from "@/components/common/state-badge";
import { formatMegabytes, formatSeconds } from "@/components/common/format-bytes";
import { parseLambdaDate } from "@/components/common/time-format";
import type { FunctionConfig } from "@/lib/lambda-types";
import { routes } from "@/lib/routes";
import { FunctionRowActions } from "./function-row-actions";

const col = createColumnHelper<FunctionConfig>();

declare module "@tanstack/react-table" {
  // Lets columns carry their cell alignment and width to the table renderer.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match TanStack's declaration to merge
  interface ColumnMeta<TData, TValue> {
    align?: "left" | "right";
    className?: string;
  }
}

export function functionColumns(onDelete: (name: string) => void) {
  return [
    col.accessor((f) => f.FunctionName ?? "", {
      id: "name",
      header: "Function name",
      cell: (info) => (
        <>
          <Link
            href={routes.function(info.getValue())}
            className="text-primary focus-visible:ring-ring/50 block w-fit max-w-full truncate rounded-sm font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
          >
            {info.getValue()}
          </Link>
          {/* Below xl the Description column would push State and the row menu out of view: it moves here. */}
          {info.row.original.Description ? (
            <span
              className="text-muted-foreground block truncate text-xs xl:hidden"
              title={info.row.original.Description}
            >
              {info.row.original.Description}
            </span>
          ) : null}
        </>
      ),
      meta: { className: "w-full max-w-0 min-w-48 xl:w-auto xl:max-w-none" },
    }),
    col.accessor((f) => f.Runtime ?? f.PackageType ?? "", {
      id: "runtime",
      header: "Runtime",
      cell: (info) => <span className="font-mono text-[0.8125rem]">{info.getValue() || "—"}</span>,
    }),
    col.accessor((f) => f.MemorySize ?? 0, {
      id: "memory",
      header: "Memory",
      cell: (info) => <span className="tabular">{formatMegabytes(info.row.original.MemorySize)}</span>,
      meta: { align: "right" },
    }),
    col.accessor((f) => f.Timeout ?? 0, {
      id: "timeout",
      header: "Timeout",
      cell: (info) => <span className="tabular">{formatSeconds(info.row.original.Timeout)}</span>,
      meta: { align: "right" },
    }),
    col.accessor((f) => parseLambdaDate(f.LastModified)?.getTime() ?? 0, {
      id: "lastModified",
      header: "Last modified",
      cell: (info) => <RelativeTime value={info.row.original.LastModified} className="text-muted-foreground" />,
      sortDescFirst: true,
    }),
    col.accessor((f) => f.State ?? "", {
      id: "state",
      header: "State",
      // ListFunctions on AWS omits State; a dash is honest, and the function page has it.
      cell: (info) =>
        info.getValue() ? <StateBadge state={info.getValue()} /> : <span className="text-muted-foreground">—</span>,
    }),
    col.accessor((f) => f.Description ?? "", {
      id: "description",
      header: "Description",
      cell: (info) =>
        info.getValue() ? (
          <span className="text-muted-foreground block truncate" title={info.getValue()}>
            {info.getValue()}
          </span>
        ) : (
          <span className="text-muted-foreground/60">—</span>
        ),
      // max-w-0 + w-full: the column takes the leftover width and truncates instead of widening the table.
      meta: { className: "hidden w-full max-w-0 min-w-40 xl:table-cell" },
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <FunctionRowActions fn={info.row.original} onDelete={onDelete} />,
      meta: { align: "right" },
    }),
  ];
}
