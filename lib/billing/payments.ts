import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { emit } from "@/lib/events";
import { attemptWindow, consumeAttempt } from "@/lib/limits/attempts";
import { changeBalance } from "./balance";
import { maskCode, normalizeCode } from "./codes";

export interface TopUp {
  /** Credited, micro-USD. */
  amount: bigint;
  /** The balance after the credit. */
  balance: bigint;
  /** The provider's record of the payment (a code's id, a card processor's charge id). */
  reference: string;
}

/**
 * How money enters a balance. This console ships redemption codes only; a card processor would be
 * a second implementation whose `topUp` runs after its payment is confirmed (a webhook), crediting
 * through changeBalance with kind TOPUP in the same way.
 */
export interface PaymentProvider<Input> {
  readonly id: string;
  topUp(userId: string, input: Input): Promise<TopUp>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

// Codes carry 100 random bits, so guessing cannot succeed; the limit keeps a script from hammering
// the code table (and a person who mistypes ten times is told to slow down, not locked out long).
const REDEEM_FAILURES = 10;
const REDEEM_WINDOW_S = 10 * 60;
const failedRedemptions = () => attemptWindow("redeem", REDEEM_FAILURES, REDEEM_WINDOW_S);

export const redemptionCodes: PaymentProvider<{ code: string }> = {
  id: "redemption_code",
  async topUp(userId, input) {
    // Every attempt takes its point first, so parallel guesses cannot pass the limit together; only
    // refusals of the code itself keep it (malformed, unknown, used, expired), not a success or a
    // database fault.
    const limiter = failedRedemptions();
    await consumeAttempt(limiter, userId, "Too many failed redemption attempts.");
    try {
      const done = await redeem(userId, input.code);
      await limiter.reward(userId, 1);
      return done;
    } catch (err) {
      if (!(err instanceof ApiError)) await limiter.reward(userId, 1);
      throw err;
    }
  },
};

async function redeem(userId: string, code: string): Promise<TopUp> {
  const normalized = normalizeCode(code);
  if (!normalized) {
    throw new ApiError("invalid_parameter", "That is not a redemption code. Codes look like APX-XXXXX-XXXXX-XXXXX-XXXXX.", { param: "code" });
  }
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    // The claim is one conditional UPDATE: of two redemptions racing, exactly one matches a row.
    const claim = await tx.redemptionCode.updateMany({
      where: { code: normalized, redeemedById: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { redeemedById: userId, redeemedAt: now },
    });
    const row = await tx.redemptionCode.findUnique({ where: { code: normalized } });
    if (!row) throw new ApiError("invalid_parameter", "No such code. Check that it was typed exactly as given.", { param: "code" });
    if (claim.count === 0) {
      if (row.redeemedById === userId) throw new ApiError("conflict", `You already redeemed this code on ${day(row.redeemedAt!)}. Its credit is in your balance.`);
      if (row.redeemedById) throw new ApiError("conflict", "This code has already been redeemed. Each code works once; ask whoever gave it to you for a new one.");
      throw new ApiError("conflict", `This code expired on ${day(row.expiresAt!)}. Ask whoever gave it to you for a new one.`);
    }
    const balance = await changeBalance(tx, userId, row.amount, { kind: "REDEEM", reference: row.id, note: `Redemption code ${maskCode(row.code)}` });
    return { amount: row.amount, balance, reference: row.id };
  });
  emit("userChanged", { userId });
  return result;
}
