"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import type { CatalogPrice } from "@/lib/catalog/prices";
import { apiFetch } from "@/lib/client/fetcher";
import type { PublicKey } from "@/lib/keys";
import { queryKeys } from "@/lib/client/query-keys";
import { keyHeaders } from "./use-playground-key";

/** Every active model with its context length and list prices (session-authenticated, no key needed). */
export const catalogQuery = {
  queryKey: queryKeys.models.list({ view: "playground-prices" }),
  queryFn: () => apiFetch<{ data: CatalogPrice[] }>("/api/playground/catalog").then((r) => r.data),
  staleTime: 5 * 60_000,
};

export function useCatalog() {
  return useQuery(catalogQuery);
}

/**
 * The ids the chosen key may call, or undefined for "all of them". A key's own allowlist is known
 * from its settings; a subscription key's plan tiers only from the live /v1/models of the
 * playground door, which is asked only then: every /v1 call counts against the key's rate limit.
 */
export function useKeyModels(key: PublicKey | undefined): Set<string> | undefined {
  const needsServer = key?.kind === "subscription";
  const query = useQuery({
    queryKey: queryKeys.models.list({ view: "playground-key", keyId: key?.id ?? "" }),
    queryFn: () => apiFetch<{ data: { id: string }[] }>("/api/playground/v1/models", { headers: keyHeaders(key?.id ?? "") }).then((r) => new Set(r.data.map((m) => m.id))),
    enabled: needsServer,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return React.useMemo(() => {
    if (!key) return undefined;
    if (needsServer) return query.data;
    return key.allowedModels.length ? new Set(key.allowedModels) : undefined;
  }, [key, needsServer, query.data]);
}
