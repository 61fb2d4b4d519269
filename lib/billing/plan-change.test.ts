import { describe, expect, it } from "vitest";
import { nextPeriod, periodCycle, planChange, remainingShare, type PlanTerms, type SubscriptionTerms } from "./plan-change";

const usd = (n: number) => BigInt(Math.round(n * 1_000_000));
const free: PlanTerms = { id: "free", name: "Free", rank: 0, priceMonthly: 0n, cycleQuota: 100_000n };
const lite: PlanTerms = { id: "lite", name: "Lite", rank: 1, priceMonthly: usd(12), cycleQuota: 600_000n };
const pro: PlanTerms = { id: "pro", name: "Pro", rank: 2, priceMonthly: usd(25), cycleQuota: 900_000n };

const d = (iso: string) => new Date(iso);

function on(plan: PlanTerms, over: Partial<SubscriptionTerms> = {}): SubscriptionTerms {
  return {
    plan,
    billingCycle: "MONTHLY",
    cycleStart: d("2026-04-01T00:00:00Z"),
    cycleEnd: d("2026-05-01T00:00:00Z"),
    cycleQuota: plan.cycleQuota,
    cancelAtPeriodEnd: false,
    nextPlanId: null,
    ...over,
  };
}

const mid = d("2026-04-16T00:00:00Z"); // exactly half of April's 30 days left

describe("planChange", () => {
  it("starts a full paid cycle today when moving up from Free", () => {
    const c = planChange(on(free), pro, "MONTHLY", mid);
    expect(c).toMatchObject({ kind: "start", charge: usd(25), credit: 0n, cycleQuota: 900_000n });
    if (c.kind === "start") expect(c.cycleEnd.toISOString()).toBe("2026-05-16T00:00:00.000Z");
  });

  it("applies the yearly discount to the price of a new cycle", () => {
    expect(planChange(on(free), pro, "YEARLY", mid)).toMatchObject({ kind: "start", charge: usd(240) });
  });

  it("upgrades at once in the same cycle, prorating price and quota to the time left", () => {
    const c = planChange(on(lite, { cycleQuota: 600_000n }), pro, "MONTHLY", mid);
    // Half the period left: half of the $13 price gap and half of the 300-request quota gap.
    expect(c).toEqual({ kind: "upgrade", charge: usd(6.5), cycleQuota: 750_000n });
  });

  it("upgrades to another cycle as a new cycle, crediting the unused part of the old one", () => {
    const c = planChange(on(lite), pro, "YEARLY", mid);
    expect(c).toMatchObject({ kind: "start", credit: usd(6), charge: usd(240) - usd(6) });
  });

  it("schedules downgrades and cycle changes for the next renewal", () => {
    expect(planChange(on(pro), lite, "MONTHLY", mid)).toEqual({ kind: "schedule", nextPlanId: "lite", billingCycle: "MONTHLY" });
    expect(planChange(on(pro), pro, "YEARLY", mid)).toEqual({ kind: "schedule", nextPlanId: null, billingCycle: "YEARLY" });
  });

  it("resumes a cancelled plan, and refuses changes that change nothing", () => {
    expect(planChange(on(pro, { cancelAtPeriodEnd: true }), pro, "MONTHLY", mid)).toEqual({ kind: "resume" });
    expect(() => planChange(on(pro), pro, "MONTHLY", mid)).toThrow(/already on the Pro plan/);
    expect(() => planChange(on(free), free, "MONTHLY", mid)).toThrow(/already on the Free plan/);
    expect(() => planChange(on(pro, { nextPlanId: "lite" }), lite, "MONTHLY", mid)).toThrow(/already scheduled/);
  });

  it("treats an ended period as no subscription", () => {
    expect(planChange(on(pro), lite, "MONTHLY", d("2026-05-02T00:00:00Z"))).toMatchObject({ kind: "start", charge: usd(12) });
  });
});

describe("periods", () => {
  it("measures the share of the period left", () => {
    expect(remainingShare(d("2026-04-01T00:00:00Z"), d("2026-05-01T00:00:00Z"), mid)).toBe(500_000n);
    expect(remainingShare(d("2026-04-01T00:00:00Z"), d("2026-05-01T00:00:00Z"), d("2026-06-01T00:00:00Z"))).toBe(0n);
  });

  it("reads the bought cycle from the period's length", () => {
    expect(periodCycle(d("2026-01-31T00:00:00Z"), d("2026-04-30T00:00:00Z"), "MONTHLY")).toBe("QUARTERLY");
    expect(periodCycle(d("2026-01-01T00:00:00Z"), d("2027-01-01T00:00:00Z"), "MONTHLY")).toBe("YEARLY");
  });

  it("renews from the old end, or from now when renewal comes more than a cycle late", () => {
    expect(nextPeriod(d("2026-05-01T00:00:00Z"), "MONTHLY", d("2026-05-01T00:05:00Z")).start.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(nextPeriod(d("2026-01-01T00:00:00Z"), "MONTHLY", d("2026-05-01T00:05:00Z")).start.toISOString()).toBe("2026-05-01T00:05:00.000Z");
  });
});
