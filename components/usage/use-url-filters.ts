"use client";

import * as React from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { logStatuses, type LogStatus } from "@/lib/usage/filters";
import { rangeNames, type RangeName } from "@/lib/usage/time";

export interface UrlFilters {
  range: RangeName;
  from?: string;
  to?: string;
  keyId?: string;
  model?: string;
  endpoint?: string;
  status?: LogStatus;
}

const FILTER_KEYS = ["range", "from", "to", "keyId", "model", "endpoint", "status"] as const;

/**
 * The page's filters live in the URL, so a view can be bookmarked, shared and reloaded. Unknown
 * values fall back to the default rather than failing: a hand-edited URL still shows a page.
 */
export function useUrlFilters(defaultRange: RangeName): [UrlFilters, (patch: Partial<UrlFilters>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = React.useMemo<UrlFilters>(() => {
    const get = (k: string) => params.get(k) || undefined;
    const range = get("range");
    const status = get("status");
    return {
      range: rangeNames.includes(range as RangeName) ? (range as RangeName) : defaultRange,
      from: get("from"),
      to: get("to"),
      keyId: get("keyId"),
      model: get("model"),
      endpoint: get("endpoint"),
      status: logStatuses.includes(status as LogStatus) ? (status as LogStatus) : undefined,
    };
  }, [params, defaultRange]);
  const update = React.useCallback(
    (patch: Partial<UrlFilters>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (next.get("range") !== "custom") {
        next.delete("from");
        next.delete("to");
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return [filters, update];
}

/** The query string for these filters plus `extra` (the viewer's tz, a cursor); empty values left out. */
export function filterQuery(filters: Partial<UrlFilters>, extra: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v) q.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return q.toString();
}

const noSubscription = () => () => {};

/**
 * The browser's IANA zone; null while rendering on the server and hydrating, so queries wait for
 * the real zone instead of fetching once in UTC and again in local time.
 */
export function useTimeZone(): string | null {
  return React.useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    () => null,
  );
}
