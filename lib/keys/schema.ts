import { z } from "zod";
import { isIpOrCidr } from "@/lib/client/ip";

// One IP/CIDR check for the browser form and the server: lib/client/ip.ts needs no node:net.
export { isIpOrCidr };

const usd = (what: string) =>
  z
    .number({ error: `${what} must be a number of US dollars` })
    .min(0, `${what} cannot be negative.`)
    .max(1_000_000, `${what} is too large.`);

export const keyLimitsSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(100, "Name must be at most 100 characters."),
  expiresAt: z.coerce
    .date({ error: "expiresAt must be a date" })
    .refine((d) => d.getTime() > Date.now(), "Expiry must be in the future.")
    .nullable()
    .optional(),
  quotaUsd: usd("Quota").nullable().optional(),
  monthlyBudgetUsd: usd("Monthly budget").nullable().optional(),
  budgetResetDay: z.number().int().min(1).max(28).optional(),
  allowedModels: z.array(z.string().trim().min(1)).max(500).optional(),
  allowedIps: z
    .array(z.string().trim().refine(isIpOrCidr, { error: (issue) => `${String(issue.input)} is not an IP address or CIDR block.` }))
    .max(100)
    .optional(),
  rpmLimit: z.number().int().min(1).nullable().optional(),
  tpmLimit: z.number().int().min(1).nullable().optional(),
});

export const createKeySchema = keyLimitsSchema;
export type CreateKeyInput = z.infer<typeof createKeySchema>;

export const updateKeySchema = keyLimitsSchema.partial().extend({
  status: z.enum(["ACTIVE", "DISABLED"]).optional(),
});
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
