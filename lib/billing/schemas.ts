// Request bodies of the billing API. Money arrives in dollars (what people type) and is stored
// in micro-USD.
import { z } from "zod";
import type { BillingCycle } from "./cycles";

export const subscribeSchema = z.object({
  plan: z.string().trim().min(1).max(40),
  cycle: z
    .enum(["monthly", "quarterly", "yearly"])
    .default("monthly")
    .transform((c) => c.toUpperCase() as BillingCycle),
});

export const fallbackSchema = z.object({
  enabled: z.boolean(),
  /** Per-cycle cap in USD; null = no cap. */
  capUsd: z.number().min(0, "The cap cannot be negative.").max(1_000_000).nullable().default(null),
});

export const redeemSchema = z.object({
  code: z.string().trim().min(1, "Enter a code.").max(64, "That is not a redemption code."),
});

export const billingSettingsSchema = z.object({
  /** null restores the default; 0 turns the warning off. */
  lowBalanceThresholdUsd: z.number().min(0, "The threshold cannot be negative.").max(1_000_000).nullable(),
});

export const ledgerQuerySchema = z.object({ cursor: z.string().max(200).optional() });
