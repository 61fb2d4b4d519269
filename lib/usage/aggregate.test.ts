import { describe, expect, it } from "vitest";
import { buildSeries, headline, OTHER_MODELS, topModels, zeroTotals, type Totals } from "./aggregate";
import { resolveRange } from "./time";

const sum = (cost: number, requests = 1, errors = 0): Totals => ({ ...zeroTotals(), cost: BigInt(cost), requests, errors, latencyMsSum: BigInt(100 * requests) });

describe("topModels", () => {
  it("ranks by cost, then by requests", () => {
    const m = new Map([
      ["a", sum(5, 1)],
      ["b", sum(9, 1)],
      ["c", sum(5, 3)],
    ]);
    expect(topModels(m, 2)).toEqual(["b", "c"]);
  });
});

describe("buildSeries", () => {
  const range = resolveRange({ range: "7d", tz: "UTC", now: Date.parse("2026-05-10T12:00:00Z") });

  it("fills every day and stacks models outside the top N as other", () => {
    const rows = [
      { bucket: 0, model: "gpt-5", sum: sum(10) },
      { bucket: 0, model: "gpt-5", sum: sum(5) },
      { bucket: 0, model: "tiny", sum: sum(1) },
      { bucket: 6, model: "claude", sum: sum(7, 2, 1) },
      { bucket: 7, model: "claude", sum: sum(100) },
    ];
    const series = buildSeries(rows, range, ["gpt-5", "claude"]);
    expect(series.map((p) => p.key)).toEqual(["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09", "2026-05-10"]);
    expect(series[0]!.costByModel).toEqual({ "gpt-5": 15n, claude: 0n, [OTHER_MODELS]: 1n });
    expect(series[0]!.requests).toBe(3);
    expect(series[6]!.errors).toBe(1);
    expect(series[3]!.cost).toBe(0n);
    expect(series.reduce((a, p) => a + p.cost, 0n)).toBe(23n);
  });
});

describe("headline", () => {
  it("compares against the previous period, with no ratio when there was nothing before", () => {
    const h = headline(sum(300, 4, 1), sum(200, 2));
    expect(h.cost.change).toBeCloseTo(0.5);
    expect(h.requests.change).toBe(1);
    expect(h.errorRate.value).toBe(0.25);
    expect(h.avgLatencyMs.value).toBe(100);
    expect(headline(sum(1), zeroTotals()).cost.change).toBeNull();
    expect(headline(zeroTotals(), zeroTotals()).cost.change).toBe(0);
  });
});
