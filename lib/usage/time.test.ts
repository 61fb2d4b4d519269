import { describe, expect, it } from "vitest";
import { bucketKey, HOUR_MS, isValidTimeZone, localMidnight, resolveRange, tzOffsetMs } from "./time";

const at = (iso: string) => Date.parse(iso);

describe("time zones", () => {
  it("knows IANA names and rejects others", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  it("reads offsets on both sides of a DST change", () => {
    expect(tzOffsetMs("Europe/Paris", at("2026-03-28T12:00:00Z"))).toBe(HOUR_MS);
    expect(tzOffsetMs("Europe/Paris", at("2026-03-30T12:00:00Z"))).toBe(2 * HOUR_MS);
    expect(tzOffsetMs("Asia/Kolkata", at("2026-03-30T12:00:00Z"))).toBe(5.5 * HOUR_MS);
  });

  it("finds local midnight, DST days included", () => {
    expect(new Date(localMidnight("Europe/Paris", { y: 2026, m: 3, d: 29 })).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(new Date(localMidnight("Europe/Paris", { y: 2026, m: 3, d: 30 })).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(new Date(localMidnight("America/Los_Angeles", { y: 2026, m: 11, d: 2 })).toISOString()).toBe("2026-11-02T08:00:00.000Z");
  });
});

describe("resolveRange", () => {
  it("7d in UTC is seven whole days ending today, and the previous period is the seven before", () => {
    const r = resolveRange({ range: "7d", tz: "UTC", now: at("2026-05-10T15:20:00Z") });
    expect(r.bucket).toBe("day");
    expect(r.boundaries).toHaveLength(8);
    expect(r.from.toISOString()).toBe("2026-05-04T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-05-11T00:00:00.000Z");
    expect(r.previousFrom.toISOString()).toBe("2026-04-27T00:00:00.000Z");
    expect(r.previousTo.toISOString()).toBe("2026-05-04T00:00:00.000Z");
  });

  it("7d in Paris across the spring change has one 23-hour day", () => {
    const r = resolveRange({ range: "7d", tz: "Europe/Paris", now: at("2026-03-31T12:00:00Z") });
    const lengths = r.boundaries.slice(1).map((b, i) => (b - r.boundaries[i]!) / HOUR_MS);
    expect(lengths).toEqual([24, 24, 24, 24, 23, 24, 24]);
    expect(r.from.toISOString()).toBe("2026-03-24T23:00:00.000Z");
  });

  it("24h is the last 24 hours including the current one, hourly", () => {
    const r = resolveRange({ range: "24h", tz: "Asia/Tokyo", now: at("2026-05-10T15:20:00Z") });
    expect(r.bucket).toBe("hour");
    expect(r.boundaries).toHaveLength(25);
    expect(r.to.toISOString()).toBe("2026-05-10T16:00:00.000Z");
    expect(r.from.toISOString()).toBe("2026-05-09T16:00:00.000Z");
  });

  it("custom ranges are inclusive local dates, hourly for a single day", () => {
    const day = resolveRange({ range: "custom", from: "2026-05-01", to: "2026-05-01", tz: "America/New_York" });
    expect(day.bucket).toBe("hour");
    expect(day.boundaries).toHaveLength(25);
    expect(day.from.toISOString()).toBe("2026-05-01T04:00:00.000Z");
    const month = resolveRange({ range: "custom", from: "2026-05-01", to: "2026-05-31", tz: "UTC" });
    expect(month.bucket).toBe("day");
    expect(month.boundaries).toHaveLength(32);
  });

  it("refuses custom ranges that are reversed, malformed or too long", () => {
    expect(() => resolveRange({ range: "custom", from: "2026-05-02", to: "2026-05-01", tz: "UTC" })).toThrow(/ends before it starts/);
    expect(() => resolveRange({ range: "custom", from: "2026-02-30", to: "2026-03-01", tz: "UTC" })).toThrow(/from date/);
    expect(() => resolveRange({ range: "custom", from: "2024-01-01", to: "2026-01-01", tz: "UTC" })).toThrow(/at most 366 days/);
  });
});

describe("bucket keys", () => {
  it("names daily buckets with the local date and hourly ones with the local clock time", () => {
    expect(bucketKey("America/Los_Angeles", "day", Date.parse("2026-05-09T07:00:00Z"))).toBe("2026-05-09");
    expect(bucketKey("Europe/Paris", "hour", at("2026-05-10T13:00:00Z"))).toBe("2026-05-10T15:00");
  });
});
