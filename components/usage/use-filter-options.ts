"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import type { FilterOptions } from "@/lib/usage/summary";
import type { Wire } from "@/lib/usage/wire";
import { filterQuery, type UrlFilters } from "./use-url-filters";

/** The filter menus' choices depend on the range only, so they survive filter changes. */
export function useFilterOptions(filters: UrlFilters, tz: string | null) {
  const rangeOnly = { range: filters.range, from: filters.from, to: filters.to };
  return useQuery({
    queryKey: [...queryKeys.usage.all, "options", { ...rangeOnly, tz }],
    queryFn: () => apiFetch<Wire<FilterOptions>>(`/api/usage/options?${filterQuery(rangeOnly, { tz })}`),
    enabled: tz !== null,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

