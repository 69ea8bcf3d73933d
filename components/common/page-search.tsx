"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { SEARCH_ATTRIBUTE } from "@/components/layout/app-shell";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";

/**
 * A list page's search box: `/` focuses it (the shell finds it by SEARCH_ATTRIBUTE) and the hint says so;
 * Esc or the clear button empties it. One per page.
 */
export function PageSearch({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="relative w-full max-w-sm">
      <SearchIcon
        className="text-muted-foreground pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
        aria-hidden
      />
      <Input
        type="search"
        aria-label={label}
        aria-keyshortcuts="/"
        placeholder={placeholder}
        {...{ [SEARCH_ATTRIBUTE]: "" }}
        className="h-8 pr-9 pl-8 [&::-webkit-search-cancel-button]:hidden"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            onChange("");
            e.currentTarget.blur();
          }
        }}
      />
      {value ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => onChange("")}
          className="text-muted-foreground hover:text-foreground focus-visible:ring-ring/50 absolute top-1/2 right-2 -translate-y-1/2 rounded-sm outline-none focus-visible:ring-[3px]"
        >
          <XIcon className="size-4" aria-hidden />
        </button>
      ) : (
        <Kbd aria-hidden className="absolute top-1/2 right-2 -translate-y-1/2">
          /
        </Kbd>
      )}
    </div>
  );
}
