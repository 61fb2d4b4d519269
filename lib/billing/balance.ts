import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";

type Tx = Prisma.TransactionClient;

export type LedgerKind = "TOPUP" | "REDEEM" | "GRANT" | "USAGE" | "REFUND" | "SUBSCRIPTION";

export interface LedgerNote {
  kind: LedgerKind;
  reference?: string | null;
  note?: string | null;
}

/** What API usage has cost a PAYG balance, from the ledger (micro-USD, positive). */
export async function usageCharged(userId: string): Promise<bigint> {
  const agg = await db.ledgerEntry.aggregate({ where: { userId, kind: "USAGE" }, _sum: { amount: true } });
  return -(agg._sum.amount ?? 0n);
}

/**
 * Moves a PAYG balance by `amount` (signed micro-USD) and writes the ledger entry that explains it,
 * inside the caller's transaction, so a balance can always be audited back to its entries. A debit
 * is one conditional UPDATE (balance >= cost): two debits racing cannot take the balance below zero.
 * The caller emits userChanged after commit so the gateway reloads its copy of the balance.
 */
export async function changeBalance(tx: Tx, userId: string, amount: bigint, entry: LedgerNote): Promise<bigint> {
  let balance: bigint;
  try {
    ({ balance } = await tx.user.update({
      where: amount < 0n ? { id: userId, balance: { gte: -amount } } : { id: userId },
      data: { balance: { increment: amount } },
      select: { balance: true },
    }));
  } catch (err) {
    if (amount < 0n && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025") {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { balance: true } });
      if (!user) throw new ApiError("not_found", "No such user.");
      throw new ApiError(
        "insufficient_balance",
        `This costs ${formatUsd(-amount)} but your balance is ${formatUsd(user.balance)}. Redeem a code or ask the operator for credit, then try again.`,
      );
    }
    throw err;
  }
  await tx.ledgerEntry.create({
    data: { userId, amount, balanceAfter: balance, kind: entry.kind, reference: entry.reference ?? null, note: entry.note ?? null },
  });
  return balance;
}
