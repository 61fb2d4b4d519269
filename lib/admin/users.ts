import "server-only";
import { z } from "zod";
import { changeBalance } from "@/lib/billing/balance";
import { db, type Prisma } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { emit } from "@/lib/events";
import { usdToMicros } from "@/lib/money";

export const userListSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  status: z.enum(["all", "ACTIVE", "SUSPENDED"]).default("all"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type UserListQuery = z.infer<typeof userListSchema>;

/** Users, newest first, by email, name or id; page-numbered (an operator jumps, a user base is small). */
export async function listUsers(query: UserListQuery) {
  const where: Prisma.UserWhereInput = {
    ...(query.status !== "all" ? { status: query.status } : {}),
    // Emails are stored lower-case; lower-casing the term keeps the search case-insensitive on both databases.
    ...(query.q ? { OR: [{ email: { contains: query.q.toLowerCase() } }, { name: { contains: query.q } }, { id: query.q }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        status: true,
        balance: true,
        createdAt: true,
        subscriptions: {
          where: { status: { in: ["ACTIVE", "CANCELLED", "SUSPENDED"] } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { cycleEnd: true, cancelAtPeriodEnd: true, plan: { select: { slug: true, name: true } } },
        },
      },
    }),
  ]);
  return {
    users: rows.map(({ subscriptions, ...u }) => ({ ...u, plan: subscriptions[0]?.plan ?? null, cycleEnd: subscriptions[0]?.cycleEnd ?? null })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export const userStatusSchema = z.object({ status: z.enum(["ACTIVE", "SUSPENDED"]) });

/** Suspends or reactivates an account; the gateway refuses a suspended account's keys on its next request. */
export async function setUserStatus(adminId: string, userId: string, status: "ACTIVE" | "SUSPENDED"): Promise<void> {
  if (adminId === userId && status === "SUSPENDED") throw new ApiError("conflict", "You cannot suspend your own account.");
  const updated = await db.user.updateMany({ where: { id: userId }, data: { status } });
  if (updated.count === 0) throw new ApiError("not_found", "No such user.");
  emit("userChanged", { userId });
}

export const assignPlanSchema = z.object({ plan: z.string().trim().min(1).max(40) });

export const grantSchema = z.object({
  amountUsd: z.number().positive("Enter an amount above zero.").max(1_000_000, "Grant at most $1,000,000 at a time."),
  note: z.string().trim().max(200).optional(),
});

/** Adds credit to a user's PAYG balance, recorded in their ledger as a grant by this admin. */
export async function grantCredit(adminId: string, userId: string, input: z.infer<typeof grantSchema>): Promise<bigint> {
  const amount = usdToMicros(input.amountUsd);
  if (amount <= 0n) throw new ApiError("invalid_parameter", "Enter an amount of at least $0.000001.", { param: "amountUsd" });
  const balance = await db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new ApiError("not_found", "No such user.");
    return changeBalance(tx, userId, amount, { kind: "GRANT", reference: `admin:${adminId}`, note: input.note || "Credit from the operator" });
  });
  emit("userChanged", { userId });
  return balance;
}
