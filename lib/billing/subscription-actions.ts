import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_PLAN_SLUG } from "@/lib/catalog/plans";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { emit } from "@/lib/events";
import { log } from "@/lib/log";
import { formatUsd } from "@/lib/money";
import { changeBalance } from "./balance";
import { type BillingCycle, cycleEnd, cyclePrice } from "./cycles";
import { nextPeriod, planChange, toBillingCycle, type PlanChange } from "./plan-change";
import { startSubscription } from "./subscriptions";

type Tx = Prisma.TransactionClient;

/** Statuses the gateway serves (lib/gateway/accounts.ts reads the newest of these). */
const LIVE = ["ACTIVE", "CANCELLED", "SUSPENDED"];
const TX = { timeout: 15_000, maxWait: 15_000 };

export function currentSubscription(tx: Tx, userId: string) {
  return tx.subscription.findFirst({
    where: { userId, status: { in: LIVE } },
    orderBy: { createdAt: "desc" },
    include: { plan: true, apiKey: { select: { id: true, name: true, display: true } } },
  });
}
type CurrentSubscription = NonNullable<Awaited<ReturnType<typeof currentSubscription>>>;

const cycleWord = (cycle: BillingCycle) => cycle.toLowerCase();

/** Field values that open a new period on `planId`: usage counters start from zero. */
function freshPeriod(planId: string, cycle: BillingCycle, period: { start: Date; end: Date }, quota: bigint) {
  return {
    planId,
    status: "ACTIVE",
    billingCycle: cycle,
    cycleStart: period.start,
    cycleEnd: period.end,
    cycleQuota: quota,
    cycleUsed: 0n,
    paygUsed: 0n,
    cancelAtPeriodEnd: false,
    nextPlanId: null,
  } satisfies Prisma.SubscriptionUncheckedUpdateInput;
}

/** The sk-sub- key stays the same across plan changes; only its name follows the plan. */
async function nameKeyAfterPlan(tx: Tx, subscriptionId: string, planName: string) {
  await tx.apiKey.updateMany({ where: { subscriptionId }, data: { name: `${planName} subscription` } });
}

export interface PlanChangeResult {
  change: PlanChange["kind"];
  /** Debited from the balance now (negative: refunded). */
  charged: bigint;
  /** When the new plan applies: now, or the end of the current cycle for a scheduled change. */
  effectiveAt: Date;
}

/**
 * Subscribes, upgrades (at once, prorated), schedules a downgrade or cycle change for the next
 * renewal, or resumes a cancelled plan. The price comes out of the PAYG balance in the same
 * transaction as the plan change: a 402 leaves everything as it was.
 */
export async function changePlan(userId: string, planSlug: string, cycle: BillingCycle, now = new Date()): Promise<PlanChangeResult> {
  await renewIfDue(userId, now);
  const result = await db.$transaction(async (tx): Promise<PlanChangeResult> => {
    const target = await tx.plan.findUnique({ where: { slug: planSlug } });
    if (!target?.public) throw new ApiError("invalid_parameter", `There is no plan called "${planSlug}".`, { param: "plan" });
    let sub = await currentSubscription(tx, userId);
    if (sub?.status === "SUSPENDED") throw new ApiError("access_denied", "Your subscription is suspended. Contact the operator of this console.");
    const change = planChange(
      sub && { ...sub, billingCycle: toBillingCycle(sub.billingCycle) },
      target,
      cycle,
      now,
    );
    if (!sub) {
      await startSubscription(tx, userId, target.slug, cycle, now);
      sub = (await currentSubscription(tx, userId))!;
    }
    const reference = sub.id;
    switch (change.kind) {
      case "start": {
        const price = cyclePrice(target.priceMonthly, cycle);
        const less = change.credit > 0n ? `, less ${formatUsd(change.credit)} unused ${sub.plan.name} time` : "";
        if (change.charge !== 0n) {
          await changeBalance(tx, userId, -change.charge, {
            kind: change.charge > 0n ? "SUBSCRIPTION" : "REFUND",
            reference,
            note: `${target.name} plan, ${cycleWord(cycle)} (${formatUsd(price)}${less})`,
          });
        }
        await tx.subscription.update({
          where: { id: sub.id },
          data: freshPeriod(target.id, cycle, { start: change.cycleStart, end: change.cycleEnd }, change.cycleQuota),
        });
        await nameKeyAfterPlan(tx, sub.id, target.name);
        return { change: change.kind, charged: change.charge, effectiveAt: now };
      }
      case "upgrade": {
        if (change.charge > 0n) {
          await changeBalance(tx, userId, -change.charge, {
            kind: "SUBSCRIPTION",
            reference,
            note: `Upgrade from ${sub.plan.name} to ${target.name}, prorated to ${sub.cycleEnd.toISOString().slice(0, 10)}`,
          });
        }
        await tx.subscription.update({
          where: { id: sub.id },
          data: { planId: target.id, cycleQuota: change.cycleQuota, billingCycle: cycle, cancelAtPeriodEnd: false, nextPlanId: null },
        });
        await nameKeyAfterPlan(tx, sub.id, target.name);
        return { change: change.kind, charged: change.charge, effectiveAt: now };
      }
      case "schedule":
        await tx.subscription.update({
          where: { id: sub.id },
          data: { nextPlanId: change.nextPlanId, billingCycle: change.billingCycle, cancelAtPeriodEnd: false },
        });
        return { change: change.kind, charged: 0n, effectiveAt: sub.cycleEnd };
      case "resume":
        await tx.subscription.update({ where: { id: sub.id }, data: { cancelAtPeriodEnd: false, nextPlanId: null } });
        return { change: change.kind, charged: 0n, effectiveAt: now };
    }
  }, TX);
  emit("userChanged", { userId });
  return result;
}

/** Cancels at the end of the period: the plan keeps working until then, then the Free plan follows. */
export async function cancelSubscription(userId: string, now = new Date()): Promise<{ endsAt: Date }> {
  await renewIfDue(userId, now);
  const endsAt = await db.$transaction(async (tx) => {
    const sub = await currentSubscription(tx, userId);
    if (!sub || sub.plan.priceMonthly === 0n) throw new ApiError("conflict", "You are on the Free plan: there is nothing to cancel.");
    if (sub.cancelAtPeriodEnd) throw new ApiError("conflict", `Your ${sub.plan.name} plan already ends on ${sub.cycleEnd.toISOString().slice(0, 10)}.`);
    await tx.subscription.update({ where: { id: sub.id }, data: { cancelAtPeriodEnd: true, nextPlanId: null } });
    return sub.cycleEnd;
  }, TX);
  emit("userChanged", { userId });
  return { endsAt };
}

/** PAYG fallback: when the cycle quota is used up, requests are paid from the balance, up to `cap` per cycle. */
export async function setPaygFallback(userId: string, enabled: boolean, cap: bigint | null): Promise<void> {
  const sub = await currentSubscription(db, userId);
  if (!sub) throw new ApiError("conflict", "You have no subscription. Choose a plan first.");
  await db.subscription.update({ where: { id: sub.id }, data: { paygFallback: enabled, paygCap: cap } });
  emit("userChanged", { userId });
}

/** An operator's plan change: a fresh period on the new plan at once, nothing charged. */
export async function assignPlan(userId: string, planSlug: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { slug: planSlug } });
    if (!plan) throw new ApiError("invalid_parameter", `There is no plan called "${planSlug}".`, { param: "plan" });
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new ApiError("not_found", "No such user.");
    const sub = await currentSubscription(tx, userId);
    if (!sub) {
      await startSubscription(tx, userId, plan.slug, "MONTHLY", now);
      return;
    }
    const cycle = plan.priceMonthly === 0n ? "MONTHLY" : toBillingCycle(sub.billingCycle);
    await tx.subscription.update({ where: { id: sub.id }, data: freshPeriod(plan.id, cycle, { start: now, end: cycleEnd(now, cycle) }, plan.cycleQuota) });
    await nameKeyAfterPlan(tx, sub.id, plan.name);
  }, TX);
  emit("userChanged", { userId });
}

/**
 * Opens the next period of a subscription whose period has ended: the scheduled plan (or the Free
 * plan after a cancellation) at the scheduled cycle, paid from the balance; the Free plan when the
 * balance cannot pay. The update is conditional on the old period end, so two processes renewing
 * at once charge once.
 */
async function renew(sub: CurrentSubscription, now: Date): Promise<boolean> {
  const renewed = await db.$transaction(async (tx) => {
    const free = await tx.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
    const ending = sub.cancelAtPeriodEnd || sub.status === "CANCELLED";
    const scheduled = sub.nextPlanId ? await tx.plan.findUnique({ where: { id: sub.nextPlanId } }) : null;
    const target = ending ? free : (scheduled ?? sub.plan);
    const cycle: BillingCycle = target.priceMonthly === 0n ? "MONTHLY" : toBillingCycle(sub.billingCycle);
    const period = nextPeriod(sub.cycleEnd, cycle, now);
    const claim = await tx.subscription.updateMany({
      where: { id: sub.id, cycleEnd: sub.cycleEnd },
      data: freshPeriod(target.id, cycle, period, target.cycleQuota),
    });
    if (claim.count === 0) return false;
    let planName = target.name;
    const price = cyclePrice(target.priceMonthly, cycle);
    if (price > 0n) {
      try {
        await changeBalance(tx, sub.userId, -price, { kind: "SUBSCRIPTION", reference: sub.id, note: `${target.name} plan renewal, ${cycleWord(cycle)}` });
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "insufficient_balance")) throw err;
        const freePeriod = nextPeriod(sub.cycleEnd, "MONTHLY", now);
        await tx.subscription.update({ where: { id: sub.id }, data: freshPeriod(free.id, "MONTHLY", freePeriod, free.cycleQuota) });
        planName = free.name;
      }
    }
    await nameKeyAfterPlan(tx, sub.id, planName);
    return true;
  }, TX);
  if (renewed) emit("userChanged", { userId: sub.userId });
  return renewed;
}

/** Renews the user's subscription if its period has ended; cheap when it has not. */
export async function renewIfDue(userId: string, now = new Date()): Promise<boolean> {
  const sub = await currentSubscription(db, userId);
  if (!sub || sub.status === "SUSPENDED" || sub.cycleEnd > now) return false;
  return renew(sub, now);
}

/**
 * Renews every subscription whose period has ended; for the periodic job (renewal-job.ts). Pages by
 * id so that a subscription whose renewal fails is logged and passed over instead of being fetched
 * again forever or blocking the ones after it. Returns how many were renewed.
 */
export async function renewDueSubscriptions(now = new Date()): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const due = await db.subscription.findMany({
      where: { status: { in: ["ACTIVE", "CANCELLED"] }, cycleEnd: { lte: now }, ...(after ? { id: { gt: after } } : {}) },
      include: { plan: true, apiKey: { select: { id: true, name: true, display: true } } },
      orderBy: { id: "asc" },
      take: 200,
    });
    for (const sub of due) {
      try {
        if (await renew(sub, now)) count++;
      } catch (err) {
        log.error("subscription renewal failed", { subscriptionId: sub.id, err });
      }
    }
    if (due.length < 200) return count;
    after = due[due.length - 1]!.id;
  }
}
