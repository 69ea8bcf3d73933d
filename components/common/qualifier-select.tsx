"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { aliasesOptions, versionsOptions } from "@/lib/queries/qualifiers";
import { cn } from "@/lib/utils";

/**
 * $LATEST, an alias or a published version of a function: what the Test tab invokes, and which version's
 * durable executions are listed or started. A value the lists do not hold (yet) stays selectable.
 */
export function QualifierSelect({
  functionName,
  id,
  value,
  onValueChange,
  showDescriptions = false,
  className,
}: {
  functionName: string;
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Each version's description beside its number. */
  showDescriptions?: boolean;
  className?: string;
}) {
  const versions = useQuery(versionsOptions(functionName));
  const aliases = useQuery(aliasesOptions(functionName));
  const published = (versions.data ?? []).filter((v) => v.Version !== "$LATEST").reverse();
  const aliasList = aliases.data ?? [];
  const known =
    value === "$LATEST" || published.some((v) => v.Version === value) || aliasList.some((a) => a.Name === value);
  return (
    <Select value={value} onValueChange={onValueChange}>
      <SelectTrigger id={id} size="sm" className={cn("min-w-36 font-mono text-xs", className)}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="$LATEST" className="font-mono text-xs">
          $LATEST
        </SelectItem>
        {aliasList.length > 0 ? (
          <SelectGroup>
            <SelectLabel>Aliases</SelectLabel>
            {aliasList.map((a) => (
              <SelectItem key={`alias-${a.Name}`} value={a.Name} className="font-mono text-xs">
                {a.Name} <span className="text-muted-foreground">→ {a.FunctionVersion}</span>
              </SelectItem>
            ))}
          </SelectGroup>
        ) : null}
        {published.length > 0 ? (
          <SelectGroup>
            <SelectLabel>Versions</SelectLabel>
            {published.map((v) => (
              <SelectItem key={`version-${v.Version}`} value={v.Version} className="font-mono text-xs">
                {v.Version}
                {showDescriptions && v.Description ? (
                  <span className="text-muted-foreground"> · {v.Description}</span>
                ) : null}
              </SelectItem>
            ))}
          </SelectGroup>
        ) : null}
        {known ? null : (
          <SelectItem value={value} className="font-mono text-xs">
            {value}
          </SelectItem>
        )}
      </SelectContent>
    </Select>
  );
}
