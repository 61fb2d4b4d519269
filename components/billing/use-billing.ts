"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import type { BillingOverview } from "@/lib/billing/overview";
import type { Wire } from "@/lib/usage/wire";

export type Billing = Wire<BillingOverview>;

export function useBilling() {
  return useQuery({ queryKey: queryKeys.billing.overview, queryFn: () => apiFetch<Billing>("/api/billing") });
}

/** A billing mutation: on success the whole billing family reloads and a toast says what happened. */
export function useBillingMutation<Input, Output>(
  call: (input: Input) => Promise<Output>,
  success: (output: Output, input: Input) => string,
  onDone?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (output, input) => {
      toast.success(success(output, input));
      onDone?.();
      await client.invalidateQueries({ queryKey: queryKeys.billing.all });
    },
  });
}

export const post = <T,>(path: string, body?: unknown, method = "POST") => apiFetch<T>(path, { method, body: body ?? {} });
