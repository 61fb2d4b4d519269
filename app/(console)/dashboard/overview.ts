import "server-only";
import { db } from "@/lib/db";

export interface DashboardOverview {
  balance: bigint;
  plan: { name: string; cycleEnd: Date; cycleQuota: bigint; cycleUsed: bigint } | null;
  activeKeys: number;
  requests24h: number;
}

/** Everything the dashboard shows, read in parallel; usage comes from the hourly rollup only. */
export async function getDashboardOverview(userId: string, now = new Date()): Promise<DashboardOverview> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const [user, subscription, activeKeys, usage] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { balance: true } }),
    db.subscription.findFirst({
      where: { userId, status: "ACTIVE" },
      orderBy: { createdAt: "desc" },
      select: { cycleEnd: true, cycleQuota: true, cycleUsed: true, plan: { select: { name: true } } },
    }),
    db.apiKey.count({
      where: { userId, purpose: "API", status: "ACTIVE", revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    }),
    db.usageRollup.aggregate({ where: { userId, hour: { gte: since } }, _sum: { requests: true } }),
  ]);
  return {
    balance: user.balance,
    plan: subscription
      ? { name: subscription.plan.name, cycleEnd: subscription.cycleEnd, cycleQuota: subscription.cycleQuota, cycleUsed: subscription.cycleUsed }
      : null,
    activeKeys,
    requests24h: usage._sum.requests ?? 0,
  };
}
