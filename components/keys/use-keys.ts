"use client";

// The keys page's data: one list query per "show revoked" state, the live model catalog, and the
// mutations. Every mutation invalidates the keys family by key; nothing patches the cache by hand.
// Secrets (create, rotate, reveal) are handed to the caller and never kept by TanStack Query: those
// mutations have gcTime 0 and the caller resets them as soon as it has taken the secret.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import type { PublicKey } from "@/lib/keys";
import { catalogQuery } from "@/components/playground/use-catalog";
import type { KeyPayload } from "./key-form";

export type { PublicKey };

export interface KeyWithSecret {
  key: PublicKey;
  secret: string;
}

export interface CatalogModel {
  id: string;
  owned_by: string;
}

export function useKeys(includeRevoked: boolean) {
  return useQuery({
    queryKey: queryKeys.keys.list({ includeRevoked }),
    queryFn: ({ signal }) => apiFetch<{ data: PublicKey[] }>(`/api/keys${includeRevoked ? "?include=revoked" : ""}`, { signal }),
    select: (body) => body.data,
  });
}

/** The models the signed-in user can call, from the playground's /v1/models (loaded on demand). */
/** The models a key's allowlist can name: the session's catalog, so no playground key is made for it. */
export function useModelCatalog(enabled: boolean) {
  return useQuery({
    ...catalogQuery,
    select: (prices): CatalogModel[] =>
      prices.map((p) => ({ id: p.model, owned_by: p.ownedBy })).sort((a, b) => a.owned_by.localeCompare(b.owned_by) || a.id.localeCompare(b.id)),
    enabled,
  });
}

function useInvalidateKeys() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.keys.all });
}

const secretMutation = { gcTime: 0 } as const;

export function useCreateKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    ...secretMutation,
    mutationFn: (body: KeyPayload) => apiFetch<KeyWithSecret>("/api/keys", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: KeyPayload | { status: "ACTIVE" | "DISABLED" } }) =>
      apiFetch<PublicKey>(`/api/keys/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSettled: invalidate,
  });
}

export function useRotateKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    ...secretMutation,
    mutationFn: (id: string) => apiFetch<KeyWithSecret>(`/api/keys/${encodeURIComponent(id)}/rotate`, { method: "POST" }),
    onSettled: invalidate,
  });
}

export function useRevealKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    ...secretMutation,
    mutationFn: (id: string) => apiFetch<KeyWithSecret>(`/api/keys/${encodeURIComponent(id)}/reveal`, { method: "POST" }),
    onSettled: invalidate,
  });
}

export function useRevokeKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<PublicKey>(`/api/keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
}
