// Subscription cycle arithmetic (UTC). Pure functions, unit-tested.
export type BillingCycle = "MONTHLY" | "QUARTERLY" | "YEARLY";

export const cycleMonths: Record<BillingCycle, number> = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 };
/** Discount in percent against paying monthly (Apertis: quarterly ~10% off, yearly ~20% off). */
export const cycleDiscountPct: Record<BillingCycle, number> = { MONTHLY: 0, QUARTERLY: 10, YEARLY: 20 };

export function addMonthsUtc(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function cycleEnd(start: Date, cycle: BillingCycle): Date {
  return addMonthsUtc(start, cycleMonths[cycle]);
}

export function cyclePrice(priceMonthly: bigint, cycle: BillingCycle): bigint {
  const months = BigInt(cycleMonths[cycle]);
  return (priceMonthly * months * BigInt(100 - cycleDiscountPct[cycle])) / 100n;
}

/** Start of the budget month that contains `now`, for a budget that resets on `resetDay` (1..28). */
export function budgetPeriodStart(now: Date, resetDay: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const thisMonth = new Date(Date.UTC(y, m, resetDay));
  return now >= thisMonth ? thisMonth : new Date(Date.UTC(y, m - 1, resetDay));
}
