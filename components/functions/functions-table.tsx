"use client";

import { useMemo, useState } from "react";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FunctionConfig } from "@/lib/lambda-types";
import { cn } from "@/lib/utils";
import { functionColumns } from "./function-columns";

export function FunctionsTable({
  functions,
  onDelete,
}: {
  functions: FunctionConfig[];
  onDelete: (name: string) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const columns = useMemo(() => functionColumns(onDelete), [onDelete]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table hands back new functions each render by design
  const table = useReactTable({
    data: functions,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row, i) => row.FunctionArn ?? row.FunctionName ?? String(i),
  });

  return (
    <Table aria-label="Functions" className="text-[0.8125rem]">
      <TableHeader className="bg-muted/40">
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const sorted = header.column.getIsSorted();
              const canSort = header.column.getCanSort() && header.column.id !== "actions";
              return (
                <TableHead
                  key={header.id}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  className={cn(
                    "text-muted-foreground h-9 px-3 text-xs font-medium first:pl-4 last:pr-4",
                    meta?.align === "right" && "text-right",
                    meta?.className,
                  )}
                >
                  {canSort ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        "hover:text-foreground focus-visible:ring-ring/50 -mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 outline-none focus-visible:ring-[3px]",
                        sorted && "text-foreground",
                        meta?.align === "right" && "flex-row-reverse",
                      )}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {sorted === "asc" ? (
                        <ArrowUpIcon className="size-3" aria-hidden />
                      ) : sorted === "desc" ? (
                        <ArrowDownIcon className="size-3" aria-hidden />
                      ) : (
                        <ArrowUpDownIcon className="size-3 opacity-40" aria-hidden />
                      )}
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id}>
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              return (
                <TableCell
                  key={cell.id}
                  className={cn(
                    "h-10 px-3 py-1.5 first:pl-4 last:pr-4",
                    meta?.align === "right" && "text-right",
                    meta?.className,
                  )}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
