// What a plan change does, decided without touching the database (unit-tested): a new cycle, an
// upgrade in place with prorated quota and price, a change scheduled for the next cycle, or a
// resumption of a cancelled plan. Apertis: upgrades apply at once, downgrades at the next cycle.
import { ApiError } from "@/lib/errors";
import { type BillingCycle, cycleEnd, cycleMonths, cyclePrice } from "./cycles";

export interface PlanTerms {
  id: string;
  name: string;
  rank: number;
  priceMonthly: bigint;
  cycleQuota: bigint;
}

export interface SubscriptionTerms {
  plan: PlanTerms;
  /** The cycle the next renewal bills; a scheduled change may already have set it. */
  billingCycle: BillingCycle;
  cycleStart: Date;
  cycleEnd: Date;
  cycleQuota: bigint;
  cancelAtPeriodEnd: boolean;
  nextPlanId: string | null;
}

export type PlanChange =
  /** A new cycle from now. `charge` is the price less `credit` for unused time; negative = refund. */
  | { kind: "start"; charge: bigint; credit: bigint; cycleStart: Date; cycleEnd: Date; cycleQuota: bigint }
  /** Same period, higher plan: pay and receive the difference for the share of the period left. */
  | { kind: "upgrade"; charge: bigint; cycleQuota: bigint }
  /** From the next renewal; nothing is charged now. */
  | { kind: "schedule"; nextPlanId: string | null; billingCycle: BillingCycle }
  | { kind: "resume" };

const PPM = 1_000_000n;

/** The column holds one of the three names; anything else reads as monthly. */
export function toBillingCycle(value: string): BillingCycle {
  return value === "QUARTERLY" || value === "YEARLY" ? value : "MONTHLY";
}

/** Share of the period still ahead, in parts per million, within 0..1e6. */
export function remainingShare(start: Date, end: Date, now: Date): bigint {
  const total = end.getTime() - start.getTime();
  if (total <= 0) return 0n;
  const left = Math.min(Math.max(end.getTime() - now.getTime(), 0), total);
  return (BigInt(left) * PPM) / BigInt(total);
}

/**
 * The cycle the running period was bought as, read from its length: `billingCycle` may already
 * name a different cycle scheduled for the renewal.
 */
export function periodCycle(start: Date, end: Date, fallback: BillingCycle): BillingCycle {
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  return (Object.keys(cycleMonths) as BillingCycle[]).find((c) => cycleMonths[c] === months) ?? fallback;
}

function ceilShare(amount: bigint, share: bigint): bigint {
  return amount <= 0n ? 0n : (amount * share + PPM - 1n) / PPM;
}

export function planChange(current: SubscriptionTerms | null, target: PlanTerms, cycle: BillingCycle, now: Date): PlanChange {
  const start = (credit: bigint): PlanChange => ({
    kind: "start",
    charge: cyclePrice(target.priceMonthly, cycle) - credit,
    credit,
    cycleStart: now,
    cycleEnd: cycleEnd(now, cycle),
    cycleQuota: target.cycleQuota,
  });
  const running = current !== null && current.cycleEnd > now;
  if (!running) return start(0n);
  const plan = current.plan;
  if (plan.id === target.id && plan.priceMonthly === 0n) {
    throw new ApiError("conflict", `You are already on the ${plan.name} plan.`);
  }
  // A free period has nothing to prorate: a paid plan starts a full cycle today.
  if (plan.priceMonthly === 0n) return start(0n);

  const bought = periodCycle(current.cycleStart, current.cycleEnd, current.billingCycle);
  if (target.rank > plan.rank) {
    const share = remainingShare(current.cycleStart, current.cycleEnd, now);
    if (cycle === bought) {
      const priceGap = cyclePrice(target.priceMonthly, cycle) - cyclePrice(plan.priceMonthly, cycle);
      const quotaGap = target.cycleQuota - plan.cycleQuota;
      return {
        kind: "upgrade",
        charge: ceilShare(priceGap, share),
        cycleQuota: current.cycleQuota + (quotaGap > 0n ? (quotaGap * share) / PPM : 0n),
      };
    }
    return start((cyclePrice(plan.priceMonthly, bought) * share) / PPM);
  }

  const nextPlanId = target.id === plan.id ? null : target.id;
  if (nextPlanId === null && cycle === bought && current.billingCycle === bought) {
    if (current.cancelAtPeriodEnd || current.nextPlanId) return { kind: "resume" };
    throw new ApiError("conflict", `You are already on the ${plan.name} plan, billed ${cycle.toLowerCase()}.`);
  }
  if (!current.cancelAtPeriodEnd && current.nextPlanId === nextPlanId && current.billingCycle === cycle) {
    throw new ApiError("conflict", `That change is already scheduled for ${current.cycleEnd.toISOString().slice(0, 10)}.`);
  }
  return { kind: "schedule", nextPlanId, billingCycle: cycle };
}

/** The period after `end`: it starts when the last one ended, unless renewal comes that late. */
export function nextPeriod(end: Date, cycle: BillingCycle, now: Date): { start: Date; end: Date } {
  const start = cycleEnd(end, cycle) > now ? end : now;
  return { start, end: cycleEnd(start, cycle) };
}
