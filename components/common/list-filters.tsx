"use client";

import { FilterXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** The select's value for "no filter" (Radix reserves the empty string). */
const ANY = "any";

/** One control of a list's filter bar, with its small label above it. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-muted-foreground text-xs">
        {label}
      </Label>
      {children}
    </div>
  );
}

/** A filter with a fixed set of values; the first option ("Any …") clears it. */
export function FilterSelect<V extends string>({
  id,
  label,
  anyLabel,
  options,
  value,
  onValueChange,
  className = "w-36",
}: {
  id: string;
  label: string;
  anyLabel: string;
  options: readonly { value: V; label: string }[];
  value: V | undefined;
  onValueChange: (value: V | undefined) => void;
  /** The trigger's width. */
  className?: string;
}) {
  return (
    <FilterField id={id} label={label}>
      <Select value={value ?? ANY} onValueChange={(v) => onValueChange(v === ANY ? undefined : (v as V))}>
        <SelectTrigger id={id} size="sm" className={className}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>{anyLabel}</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </FilterField>
  );
}

/** Shown in the filter bar while any filter is set. */
export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick}>
      <FilterXIcon aria-hidden /> Clear filters
    </Button>
  );
}
