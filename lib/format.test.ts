import { describe, expect, it } from "vitest";
import { formatChange, formatClock, formatContext, formatCount, formatMs, formatPlanRequests, formatTimestamp, formatWhole } from "./format";

describe("formatters", () => {
  it("shortens context lengths and times", () => {
    expect(formatContext(128_000)).toBe("128K");
    expect(formatContext(1_047_576)).toBe("1M");
    expect(formatContext(null)).toBeNull();
    expect(formatMs(840)).toBe("840 ms");
    expect(formatMs(2150)).toBe("2.15 s");
    expect(formatMs(12_340)).toBe("12.3 s");
    expect(formatMs(65_000)).toBe("1:05");
    expect(formatMs(null)).toBe("—");
    expect(formatClock(3725)).toBe("1:02:05");
    expect(formatTimestamp(62.345)).toBe("00:01:02.345");
  });

  it("keeps table cells narrow and whole numbers whole", () => {
    expect(formatCount(9_999)).toBe("9,999");
    expect(formatCount(12_345)).toBe("12.3K");
    expect(formatWhole(12_345)).toBe("12,345");
    expect(formatChange(0.125)).toBe("+12.5%");
    expect(formatChange(null)).toBe("—");
  });

  it("shows plan requests from their stored thousandths", () => {
    expect(formatPlanRequests(100_000)).toBe("100");
    expect(formatPlanRequests(1_500)).toBe("1.5");
    expect(formatPlanRequests(1_234_567)).toBe("1,234.57");
  });
});
