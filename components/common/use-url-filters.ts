"use client";

import { useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

type SearchParams = { get(name: string): string | null };

/**
 * A list's filters, kept in the URL so they are shareable and survive the back button. Changes replace
 * the history entry and keep the scroll position: filtering is not navigating.
 */
export function useUrlFilters<F extends object>(
  parse: (params: SearchParams) => F,
  toSearch: (filters: F) => string,
): {
  filters: F;
  setFilters: (next: F) => void;
  setFilter: <K extends keyof F>(key: K, value: F[K] | undefined) => void;
} {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parse(searchParams), [parse, searchParams]);

  function setFilters(next: F) {
    router.replace(`${pathname}${toSearch(next)}`, { scroll: false });
  }
  return { filters, setFilters, setFilter: (key, value) => setFilters(withFilter(filters, key, value)) };
}

/** The filters with one of them set, or dropped when the value is undefined (the list's "any"). */
export function withFilter<F extends object, K extends keyof F>(filters: F, key: K, value: F[K] | undefined): F {
  const { [key]: _dropped, ...rest } = filters;
  return (value === undefined ? rest : { ...rest, [key]: value }) as F;
}
