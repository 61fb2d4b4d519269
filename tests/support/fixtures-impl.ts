import { db, prepareDatabase } from "@/lib/db";
import { createUser } from "@/lib/accounts/users";
import { insertKey, type NewKeyFields } from "@/lib/keys/store";
import { microsToUsd, usdToMicros } from "@/lib/money";

export { db };

/** A user on `plan` (default Max, so tests are not throttled by the Free plan's 60 requests/min). */
export async function makeUser(email: string, opts: { creditUsd?: number; role?: "USER" | "ADMIN"; plan?: string } = {}) {
  await prepareDatabase();
  const user = await createUser({ email, password: "test-password-1", creditUsd: opts.creditUsd ?? 5, role: opts.role });
  const plan = await db.plan.findUniqueOrThrow({ where: { slug: opts.plan ?? "max" } });
  await db.subscription.updateMany({ where: { userId: user.id }, data: { planId: plan.id, cycleQuota: plan.cycleQuota } });
  return user;
}

export async function makeKey(userId: string, fields: Partial<NewKeyFields> = {}) {
  return db.$transaction((tx) => insertKey(tx, { userId, name: fields.name ?? "test", ...fields }));
}

export async function subscriptionKey(userId: string) {
  const key = await db.apiKey.findFirstOrThrow({ where: { userId, kind: "SUBSCRIPTION" } });
  return key;
}

export const usd = usdToMicros;
export { microsToUsd };

type Row = Awaited<ReturnType<typeof db.usageLog.findMany>>[number];

/**
 * Waits until the batched writer has written at least `count` usage rows for the key that match
 * `where` (all rows by default), and returns those rows.
 */
export async function usageRows(keyId: string, count: number, where: (r: Row) => boolean = () => true, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = (await db.usageLog.findMany({ where: { keyId }, orderBy: { createdAt: "asc" } })).filter(where);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}
