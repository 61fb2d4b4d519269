"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { queryKeys } from "@/lib/client/query-keys";

/** An admin mutation: on success the admin family reloads and a toast says what happened. */
export function useAdminMutation<Input, Output>(call: (input: Input) => Promise<Output>, success: (output: Output, input: Input) => string, onDone?: (output: Output) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (output, input) => {
      toast.success(success(output, input));
      onDone?.(output);
      await client.invalidateQueries({ queryKey: queryKeys.admin.all });
    },
  });
}
