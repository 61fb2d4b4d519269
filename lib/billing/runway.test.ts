import { describe, expect, it } from "vitest";
import { computeRunway, dailyBurn, type LimitInput } from "./runway";

const now = new Date("2026-05-10T00:00:00Z");
const limit = (over: Partial<LimitInput>): LimitInput => ({
  kind: "balance",
  label: "PAYG balance",
  unit: "usd",
  limit: null,
  remaining: 10_000_000n,
  dailyBurn: 1_000_000n,
  resetsAt: null,
  ...over,
});

describe("runway", () => {
  it("averages a 7-day sum per day", () => {
    expect(dailyBurn(7_000_000n)).toBe(1_000_000n);
  });

  it("divides what is left by the daily burn", () => {
    const [item] = computeRunway([limit({})], now);
    expect(item!.daysLeft).toBe(10);
    expect(item!.runsOutAt!.toISOString()).toBe("2026-05-20T00:00:00.000Z");
    expect(item!.resetsFirst).toBe(false);
  });

  it("puts the limit that stops requests first at the top", () => {
    const items = computeRunway(
      [
        limit({ label: "balance" }),
        limit({ kind: "key_quota", label: "key quota", remaining: 2_000_000n }),
        limit({ kind: "cycle_quota", label: "idle cycle", unit: "plan_requests", dailyBurn: 0n, resetsAt: new Date("2026-06-01T00:00:00Z") }),
        limit({ kind: "monthly_budget", label: "exhausted budget", remaining: -5n }),
      ],
      now,
    );
    expect(items.map((i) => i.label)).toEqual(["exhausted budget", "key quota", "balance", "idle cycle"]);
    expect(items[0]!.daysLeft).toBe(0);
    expect(items[0]!.remaining).toBe(0n);
    expect(items[3]!.daysLeft).toBeNull();
  });

  it("ranks a limit that refills before it runs out after those that do run out", () => {
    const items = computeRunway(
      [limit({ label: "balance", remaining: 30_000_000n }), limit({ kind: "monthly_budget", label: "budget", remaining: 5_000_000n, resetsAt: new Date("2026-05-12T00:00:00Z") })],
      now,
    );
    expect(items.map((i) => [i.label, i.resetsFirst])).toEqual([["balance", false], ["budget", true]]);
  });
});
