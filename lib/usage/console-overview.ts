import "server-only";
import { db } from "@/lib/db";
import { byCostDesc, rollupSumFields, totalsOf, totalsRow, type TotalsRow } from "./aggregate";
import { bucketModelQuery, toBucketGroups } from "./bucket-sql";
import type { UsageQuery } from "./filters";
import { rollupWhere, summariseRollup, type RollupSummary } from "./summary";
import { resolveRange } from "./time";

const TOP_USERS = 10;

export interface ConsoleOverview extends RollupSummary {
  topUsers: Array<TotalsRow & { userId: string; email: string; name: string | null }>;
  accounts: {
    users: number;
    suspended: number;
    /** Users with at least one request in the range. */
    activeUsers: number;
    /** Sum of every PAYG balance: credit the console still owes its users, micro-USD. */
    outstandingBalance: bigint;
    plans: Array<{ slug: string; name: string; subscribers: number }>;
    unredeemedCodes: number;
    unredeemedAmount: bigint;
  };
}

/** The whole console's usage for operators, from the hourly rollup (the [hour] index). */
export async function getConsoleOverview(query: Pick<UsageQuery, "range" | "from" | "to" | "tz">, now = Date.now()): Promise<ConsoleOverview> {
  const range = resolveRange({ ...query, now });
  const where = rollupWhere(undefined, {}, range.from, range.to);
  const [buckets, previous, perUser, users, suspended, balance, subs, plans, codes] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>(bucketModelQuery({ from: range.from, to: range.to }, range.boundaries)),
    db.usageRollup.aggregate({ where: rollupWhere(undefined, {}, range.previousFrom, range.previousTo), _sum: rollupSumFields }),
    db.usageRollup.groupBy({ by: ["userId"], where, _sum: rollupSumFields }),
    db.user.count(),
    db.user.count({ where: { status: "SUSPENDED" } }),
    db.user.aggregate({ _sum: { balance: true } }),
    db.subscription.groupBy({ by: ["planId"], where: { status: "ACTIVE" }, _count: { _all: true } }),
    db.plan.findMany({ select: { id: true, slug: true, name: true }, orderBy: { rank: "asc" } }),
    db.redemptionCode.aggregate({ where: { redeemedById: null }, _count: { _all: true }, _sum: { amount: true } }),
  ]);

  const top = perUser.map((u) => ({ userId: u.userId, ...totalsRow(totalsOf(u._sum)) })).sort(byCostDesc).slice(0, TOP_USERS);
  const people = await db.user.findMany({ where: { id: { in: top.map((u) => u.userId) } }, select: { id: true, email: true, name: true } });
  const person = new Map(people.map((p) => [p.id, p]));
  const subscribers = new Map(subs.map((s) => [s.planId, s._count._all]));

  return {
    ...summariseRollup(toBucketGroups(buckets), previous._sum, range),
    topUsers: top.map((u) => ({ ...u, email: person.get(u.userId)?.email ?? "deleted user", name: person.get(u.userId)?.name ?? null })),
    accounts: {
      users,
      suspended,
      activeUsers: perUser.length,
      outstandingBalance: balance._sum.balance ?? 0n,
      plans: plans.map((p) => ({ slug: p.slug, name: p.name, subscribers: subscribers.get(p.id) ?? 0 })),
      unredeemedCodes: codes._count._all,
      unredeemedAmount: codes._sum.amount ?? 0n,
    },
  };
}
