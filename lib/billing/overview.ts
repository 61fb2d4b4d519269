import "server-only";
import { db } from "@/lib/db";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/usage/cursor";
import { HOUR_MS } from "@/lib/usage/time";
import { addMonthsUtc, budgetPeriodStart, type BillingCycle, cycleDiscountPct, cyclePrice } from "./cycles";
import { isLowBalance, lowBalanceThreshold } from "./low-balance";
import { periodCycle, toBillingCycle } from "./plan-change";
import { computeRunway, dailyBurn, type LimitInput, type RunwayItem } from "./runway";
import { currentSubscription, renewIfDue } from "./subscription-actions";

const CYCLES: BillingCycle[] = ["MONTHLY", "QUARTERLY", "YEARLY"];
const LEDGER_PAGE = 20;

export async function listPlans() {
  const plans = await db.plan.findMany({ where: { public: true }, orderBy: { rank: "asc" } });
  return plans.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    rank: p.rank,
    priceMonthly: p.priceMonthly,
    cycleQuota: p.cycleQuota,
    rpm: p.rpm,
    features: JSON.parse(p.features) as string[],
    prices: Object.fromEntries(CYCLES.map((c) => [c, cyclePrice(p.priceMonthly, c)])) as Record<BillingCycle, bigint>,
  }));
}

/** The user's balance changes, newest first, in keyset pages on (userId, createdAt). */
export async function listLedger(userId: string, cursor?: string, limit = LEDGER_PAGE) {
  const rows = await db.ledgerEntry.findMany({
    where: cursor ? { AND: [{ userId }, afterCursor(decodeCursor(cursor))] } : { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, createdAt: true, amount: true, balanceAfter: true, kind: true, note: true },
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

type Subscription = NonNullable<Awaited<ReturnType<typeof currentSubscription>>>;

/**
 * Every limit that can stop the user's requests, with the last 7 days' average burn from the
 * hourly rollup: PAYG balance, subscription cycle quota, PAYG fallback cap, and each live key's
 * quota and monthly budget.
 */
async function runwayLimits(userId: string, balance: bigint, sub: Subscription | null, now: Date): Promise<LimitInput[]> {
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS - 7 * 24 * HOUR_MS);
  const [burnByKey, keys] = await Promise.all([
    db.usageRollup.groupBy({ by: ["keyId"], where: { userId, hour: { gte: since } }, _sum: { cost: true, quotaCost: true } }),
    db.apiKey.findMany({
      where: {
        userId,
        kind: "STANDARD",
        status: "ACTIVE",
        revokedAt: null,
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ quotaLimit: { not: null } }, { monthlyBudget: { not: null } }] }],
      },
      select: { id: true, name: true, quotaLimit: true, quotaUsed: true, monthlyBudget: true, budgetResetDay: true },
    }),
  ]);
  const burn = new Map(burnByKey.map((b) => [b.keyId, { cost: b._sum.cost ?? 0n, quota: b._sum.quotaCost ?? 0n }]));
  const keyBurn = (keyId: string) => dailyBurn(burn.get(keyId)?.cost ?? 0n);

  // Budget months start on each key's own reset day: one rollup sum per distinct start.
  const budgetKeys = keys.filter((k) => k.monthlyBudget !== null);
  const starts = new Map<number, string[]>();
  for (const k of budgetKeys) {
    const start = budgetPeriodStart(now, k.budgetResetDay).getTime();
    starts.set(start, [...(starts.get(start) ?? []), k.id]);
  }
  const spent = new Map<string, bigint>();
  await Promise.all(
    [...starts].map(async ([start, ids]) => {
      const sums = await db.usageRollup.groupBy({ by: ["keyId"], where: { keyId: { in: ids }, hour: { gte: new Date(start) } }, _sum: { cost: true } });
      for (const s of sums) spent.set(s.keyId, s._sum.cost ?? 0n);
    }),
  );

  const totalCost = [...burn.values()].reduce((a, b) => a + b.cost, 0n);
  const limits: LimitInput[] = [
    { kind: "balance", label: "PAYG balance", unit: "usd", limit: null, remaining: balance, dailyBurn: dailyBurn(totalCost), resetsAt: null },
  ];
  if (sub && sub.cycleEnd > now) {
    const subBurn = sub.apiKey ? burn.get(sub.apiKey.id) : undefined;
    limits.push({
      kind: "cycle_quota",
      label: `${sub.plan.name} plan cycle quota`,
      keyId: sub.apiKey?.id,
      unit: "plan_requests",
      limit: sub.cycleQuota,
      remaining: sub.cycleQuota - sub.cycleUsed,
      dailyBurn: dailyBurn(subBurn?.quota ?? 0n),
      resetsAt: sub.cycleEnd,
    });
    if (sub.paygFallback && sub.paygCap !== null) {
      limits.push({
        kind: "payg_cap",
        label: "PAYG fallback cap",
        keyId: sub.apiKey?.id,
        unit: "usd",
        limit: sub.paygCap,
        remaining: sub.paygCap - sub.paygUsed,
        dailyBurn: dailyBurn(subBurn?.cost ?? 0n),
        resetsAt: sub.cycleEnd,
      });
    }
  }
  for (const k of keys) {
    if (k.quotaLimit !== null) {
      limits.push({ kind: "key_quota", label: `Key "${k.name}" quota`, keyId: k.id, unit: "usd", limit: k.quotaLimit, remaining: k.quotaLimit - k.quotaUsed, dailyBurn: keyBurn(k.id), resetsAt: null });
    }
    if (k.monthlyBudget !== null) {
      const start = budgetPeriodStart(now, k.budgetResetDay);
      limits.push({
        kind: "monthly_budget",
        label: `Key "${k.name}" monthly budget`,
        keyId: k.id,
        unit: "usd",
        limit: k.monthlyBudget,
        remaining: k.monthlyBudget - (spent.get(k.id) ?? 0n),
        dailyBurn: keyBurn(k.id),
        resetsAt: addMonthsUtc(start, 1),
      });
    }
  }
  return limits;
}

export interface BillingOverview {
  balance: bigint;
  lowBalance: { threshold: bigint; chosen: bigint | null; low: boolean };
  subscription: {
    id: string;
    status: string;
    plan: { id: string; slug: string; name: string; rank: number; priceMonthly: bigint; cycleQuota: bigint };
    /** The cycle the running period was bought as; `billingCycle` is what the renewal bills. */
    periodCycle: BillingCycle;
    billingCycle: string;
    cycleStart: Date;
    cycleEnd: Date;
    cycleQuota: bigint;
    cycleUsed: bigint;
    paygFallback: boolean;
    paygCap: bigint | null;
    paygUsed: bigint;
    cancelAtPeriodEnd: boolean;
    nextPlanId: string | null;
    nextPlan: { slug: string; name: string } | null;
    key: { id: string; name: string; display: string } | null;
  } | null;
  plans: Awaited<ReturnType<typeof listPlans>>;
  /** Percent off monthly pricing per billing cycle. */
  discounts: Record<BillingCycle, number>;
  ledger: Awaited<ReturnType<typeof listLedger>>;
  runway: RunwayItem[];
}

/** The billing page: plan and cycle, balance, plans to choose from, ledger and runway. */
export async function getBilling(userId: string, now = new Date()): Promise<BillingOverview> {
  await renewIfDue(userId, now);
  const [user, sub, plans, ledger] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { balance: true, lowBalanceThreshold: true } }),
    currentSubscription(db, userId),
    listPlans(),
    listLedger(userId),
  ]);
  const [nextPlan, limits] = await Promise.all([
    sub?.nextPlanId ? db.plan.findUnique({ where: { id: sub.nextPlanId }, select: { slug: true, name: true } }) : null,
    runwayLimits(userId, user.balance, sub, now),
  ]);
  return {
    balance: user.balance,
    lowBalance: { threshold: lowBalanceThreshold(user.lowBalanceThreshold), chosen: user.lowBalanceThreshold, low: isLowBalance(user.balance, user.lowBalanceThreshold) },
    subscription: sub && {
      id: sub.id,
      status: sub.status,
      plan: { id: sub.plan.id, slug: sub.plan.slug, name: sub.plan.name, rank: sub.plan.rank, priceMonthly: sub.plan.priceMonthly, cycleQuota: sub.plan.cycleQuota },
      periodCycle: periodCycle(sub.cycleStart, sub.cycleEnd, toBillingCycle(sub.billingCycle)),
      billingCycle: sub.billingCycle,
      cycleStart: sub.cycleStart,
      cycleEnd: sub.cycleEnd,
      cycleQuota: sub.cycleQuota,
      cycleUsed: sub.cycleUsed,
      paygFallback: sub.paygFallback,
      paygCap: sub.paygCap,
      paygUsed: sub.paygUsed,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      nextPlanId: sub.nextPlanId,
      nextPlan,
      key: sub.apiKey,
    },
    plans,
    discounts: cycleDiscountPct,
    ledger,
    runway: computeRunway(limits, now),
  };
}

/** null restores the default threshold; 0 turns the warning off. */
export async function setLowBalanceThreshold(userId: string, threshold: bigint | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lowBalanceThreshold: threshold } });
}

/** For the console-wide banner: the balance and threshold when the balance is low, else null. */
export async function lowBalanceStatus(userId: string): Promise<{ balance: bigint; threshold: bigint } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { balance: true, lowBalanceThreshold: true } });
  if (!user || !isLowBalance(user.balance, user.lowBalanceThreshold)) return null;
  return { balance: user.balance, threshold: lowBalanceThreshold(user.lowBalanceThreshold) };
}
