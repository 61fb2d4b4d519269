import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { displayFragment, hashSecret, type KeyKind, mintSecret } from "./secret";

export interface NewKeyFields {
  userId: string;
  name: string;
  kind?: KeyKind;
  purpose?: "API" | "PLAYGROUND";
  expiresAt?: Date | null;
  quotaLimit?: bigint | null;
  monthlyBudget?: bigint | null;
  budgetResetDay?: number;
  allowedModels?: string[];
  allowedIps?: string[];
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  subscriptionId?: string | null;
  revealPending?: boolean;
}

type Tx = Prisma.TransactionClient;

/** Inserts a key row and returns its one-time plaintext. The plaintext is never stored. */
export async function insertKey(tx: Tx, fields: NewKeyFields) {
  const kind = fields.kind ?? "STANDARD";
  const secret = mintSecret(kind);
  const key = await tx.apiKey.create({
    data: {
      userId: fields.userId,
      name: fields.name,
      kind,
      purpose: fields.purpose ?? "API",
      hash: hashSecret(secret, env().KEY_PEPPER),
      display: displayFragment(secret),
      expiresAt: fields.expiresAt ?? null,
      quotaLimit: fields.quotaLimit ?? null,
      monthlyBudget: fields.monthlyBudget ?? null,
      budgetResetDay: fields.budgetResetDay ?? 1,
      allowedModels: JSON.stringify(fields.allowedModels ?? []),
      allowedIps: JSON.stringify(fields.allowedIps ?? []),
      rpmLimit: fields.rpmLimit ?? null,
      tpmLimit: fields.tpmLimit ?? null,
      subscriptionId: fields.subscriptionId ?? null,
      revealPending: fields.revealPending ?? false,
    },
  });
  return { key, secret };
}

/** Gives a key a new secret; the old hash stops matching at once. */
export async function replaceSecret(tx: Tx, keyId: string, kind: KeyKind) {
  const secret = mintSecret(kind);
  const key = await tx.apiKey.update({
    where: { id: keyId },
    data: { hash: hashSecret(secret, env().KEY_PEPPER), display: displayFragment(secret), revealPending: false },
  });
  return { key, secret };
}
