"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import type { BillingOverview } from "@/lib/billing/overview";
import type { Wire } from "@/lib/usage/wire";

export type Billing = Wire<BillingOverview>;

export function useBilling() {
  return useQuery({ queryKey: queryKeys.billing.overview, queryFn: () => apiFetch<Billing>("/api/billing") });
}

/**
 * A billing mutation: on success the whole billing family reloads and a toast says what happened.
 * The router refresh re-renders the server layout too, so the low-balance banner follows a top-up or
 * a new threshold at once (client navigation alone keeps the layout as it was rendered).
 */
export function useBillingMutation<Input, Output>(
  call: (input: Input) => Promise<Output>,
  success: (output: Output, input: Input) => string,
  onDone?: () => void,
) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: call,
    onSuccess: async (output, input) => {
      toast.success(success(output, input));
      onDone?.();
      router.refresh();
      await client.invalidateQueries({ queryKey: queryKeys.billing.all });
    },
  });
}

export const post = <T,>(path: string, body?: unknown, method = "POST") => apiFetch<T>(path, { method, body: body ?? {} });
