import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError, parseInput } from "@/lib/errors";
import { DEFAULT_PLAN_SLUG } from "@/lib/catalog/plans";
import { startSubscription } from "@/lib/billing/subscriptions";
import { insertKey } from "@/lib/keys/store";
import { usdToMicros } from "@/lib/money";
import { hashPassword, passwordSchema } from "./password";

export const signUpSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  password: passwordSchema,
  name: z.string().trim().max(100).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * Creates an account as Apertis does: the Free plan (with its sk-sub- key), a key named `default`
 * whose secret is shown on the first visit to the keys page, and the operator's sign-up credit.
 */
export async function createUser(input: SignUpInput & { role?: "USER" | "ADMIN"; creditUsd?: number }) {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  const credit = usdToMicros(input.creditUsd ?? env().SIGNUP_CREDIT_USD);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name || null, passwordHash, role: input.role ?? "USER", balance: credit },
        select: { id: true, email: true, name: true, role: true },
      });
      if (credit > 0n) {
        await tx.ledgerEntry.create({
          data: { userId: user.id, amount: credit, balanceAfter: credit, kind: "GRANT", note: "Sign-up credit" },
        });
      }
      await startSubscription(tx, user.id, DEFAULT_PLAN_SLUG);
      await insertKey(tx, { userId: user.id, name: "default", revealPending: true });
      return user;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new ApiError("conflict", "An account with this email already exists. Sign in instead.", { param: "email" });
    }
    throw err;
  }
}

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
}
