"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import type { PublicKey } from "@/lib/keys";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";

const STORAGE_KEY = "apertis.playground.key";
/** "" means the person's own playground key, which the server creates on first use. */
export const DEFAULT_KEY = "";

/** The header that picks a key on /api/playground/v1/*; none means the playground key. */
export function keyHeaders(keyId: string): Record<string, string> {
  return keyId ? { "x-playground-key": keyId } : {};
}

export function useKeys() {
  return useQuery({
    queryKey: queryKeys.keys.list(),
    queryFn: () => apiFetch<{ data: PublicKey[] }>("/api/keys").then((r) => r.data),
  });
}

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  window.addEventListener("apertis-playground-key", callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener("apertis-playground-key", callback);
  };
}

function read(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? DEFAULT_KEY;
  } catch {
    return DEFAULT_KEY;
  }
}

/**
 * The key the playgrounds send with, shared by all four and remembered in this browser. A stored id
 * that is no longer one of the person's active keys falls back to the playground key.
 */
export function usePlaygroundKey() {
  const stored = React.useSyncExternalStore(subscribe, read, () => DEFAULT_KEY);
  const keys = useKeys();
  const active = React.useMemo(() => (keys.data ?? []).filter((k) => k.status === "active"), [keys.data]);
  const known = !stored || !keys.data || active.some((k) => k.id === stored && k.purpose === "api");
  const keyId = known ? stored : DEFAULT_KEY;
  const setKeyId = React.useCallback((id: string) => {
    try {
      if (id) window.localStorage.setItem(STORAGE_KEY, id);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // private mode: the choice lasts for this page only
    }
    window.dispatchEvent(new Event("apertis-playground-key"));
  }, []);
  const selected = keyId ? active.find((k) => k.id === keyId) : keys.data?.find((k) => k.purpose === "playground");
  return { keyId, setKeyId, keys, selected };
}
