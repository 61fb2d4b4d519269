// Runway: how long each limit lasts at the current daily burn, and which runs out first. Pure.
export type LimitKind = "key_quota" | "monthly_budget" | "cycle_quota" | "payg_cap" | "balance";

export interface LimitInput {
  kind: LimitKind;
  label: string;
  keyId?: string;
  /** usd: micro-USD; plan_requests: milli plan-requests (1000 = one request of a 1x model). */
  unit: "usd" | "plan_requests";
  limit: bigint | null;
  remaining: bigint;
  /** Average spend per day over the last 7 days, in `unit`. */
  dailyBurn: bigint;
  /** When the limit refills (budget month, subscription cycle); null if it never does. */
  resetsAt: Date | null;
}

export interface RunwayItem extends LimitInput {
  /** Days until it runs out at this burn; null when nothing is being spent. */
  daysLeft: number | null;
  runsOutAt: Date | null;
  /** True when the limit refills before it would run out: it will not stop anything. */
  resetsFirst: boolean;
}

const DAY_MS = 86_400_000;

/** Spend per day from a 7-day sum. */
export function dailyBurn(sevenDaySum: bigint): bigint {
  return sevenDaySum / 7n;
}

export function runwayItem(input: LimitInput, now: Date): RunwayItem {
  const remaining = input.remaining > 0n ? input.remaining : 0n;
  const daysLeft = remaining === 0n ? 0 : input.dailyBurn > 0n ? Number(remaining) / Number(input.dailyBurn) : null;
  const runsOutAt = daysLeft === null ? null : new Date(now.getTime() + daysLeft * DAY_MS);
  const resetsFirst = input.resetsAt !== null && runsOutAt !== null && remaining > 0n && input.resetsAt <= runsOutAt;
  return { ...input, remaining, daysLeft, runsOutAt, resetsFirst };
}

/** Every limit, the one that stops requests soonest first; limits that refill in time go last. */
export function computeRunway(limits: readonly LimitInput[], now: Date): RunwayItem[] {
  const urgency = (r: RunwayItem) => (r.resetsFirst || r.daysLeft === null ? Number.POSITIVE_INFINITY : r.daysLeft);
  return limits
    .map((l) => runwayItem(l, now))
    .sort((a, b) => urgency(a) - urgency(b) || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.label.localeCompare(b.label));
}
