import { describe, expect, it } from "vitest";
import { relativeTime, usd, usedShare } from "./format";

const now = Date.parse("2026-03-10T12:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();

describe("relativeTime", () => {
  it("words recent and future times the way a person says them", () => {
    expect(relativeTime(at(-10_000), now)).toBe("just now");
    expect(relativeTime(at(-5 * 60_000), now)).toBe("5 minutes ago");
    expect(relativeTime(at(-3 * 3_600_000), now)).toBe("3 hours ago");
    expect(relativeTime(at(-86_400_000), now)).toBe("yesterday");
    expect(relativeTime(at(30 * 86_400_000), now)).toBe("next month");
    expect(relativeTime(at(3_600_000), now)).toBe("in 1 hour");
    expect(relativeTime(at(2 * 86_400_000), now)).toBe("in 2 days");
  });
});

describe("usd / usedShare", () => {
  it("keeps cents, and small costs visible", () => {
    expect(usd(5)).toBe("$5.00");
    expect(usd(1234.5)).toBe("$1,234.50");
    expect(usd(0.000042)).toBe("$0.000042");
    expect(usd(0)).toBe("$0.00");
  });

  it("caps the bar at full and has none without a limit", () => {
    expect(usedShare(0.5, 2)).toBe(0.25);
    expect(usedShare(3, 2)).toBe(1);
    expect(usedShare(1, null)).toBeNull();
    expect(usedShare(0, 0)).toBe(0);
  });
});
