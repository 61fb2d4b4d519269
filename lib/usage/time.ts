// Time ranges and buckets in the viewer's IANA time zone. Pure (no DB, no server-only): the usage
// rollup is hourly in UTC, and these functions decide which local day (or hour) each UTC hour
// belongs to. In zones with a half-hour offset a UTC hour straddles local midnight; it is counted
// in the day in which it starts.
import { ApiError } from "@/lib/errors";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const rangeNames = ["24h", "7d", "30d", "90d", "custom"] as const;
export type RangeName = (typeof rangeNames)[number];

/** The longest custom range: a year and a day covers a leap year end to end. */
export const MAX_CUSTOM_DAYS = 366;

export interface LocalDate {
  y: number;
  m: number; // 1..12
  d: number;
}

export interface ResolvedRange {
  from: Date;
  to: Date;
  /** The equal period right before, for "change vs previous period". */
  previousFrom: Date;
  previousTo: Date;
  bucket: "hour" | "day";
  /** Bucket starts, plus `to` at the end: bucket i is [boundaries[i], boundaries[i + 1]). */
  boundaries: number[];
  tz: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function wallClock(tz: string, t: number) {
  const parts = formatter(tz).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute"), s: get("second") };
}

/** Local time minus UTC at instant `t`, in ms (+01:00 -> 3_600_000). */
export function tzOffsetMs(tz: string, t: number): number {
  const w = wallClock(tz, t);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - (t - (((t % 1000) + 1000) % 1000));
}

export function localDateOf(tz: string, t: number): LocalDate {
  const w = wallClock(tz, t);
  return { y: w.y, m: w.m, d: w.d };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * The UTC instant at which local date `date` begins in `tz`. Two passes: the offset at the first
 * guess may differ from the offset at midnight when a DST change falls in between.
 */
export function localMidnight(tz: string, date: LocalDate): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d);
  const first = wall - tzOffsetMs(tz, wall);
  return wall - tzOffsetMs(tz, first);
}

export function formatLocalDate(date: LocalDate): string {
  return `${date.y}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`;
}

export function parseLocalDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const check = addDays(date, 0);
  return check.y === date.y && check.m === date.m && check.d === date.d ? date : null;
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

function dayBoundaries(tz: string, first: LocalDate, days: number): number[] {
  const out: number[] = [];
  for (let i = 0; i <= days; i++) out.push(localMidnight(tz, addDays(first, i)));
  return out;
}

function hourBoundaries(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += HOUR_MS) out.push(t);
  out.push(to);
  return out;
}

/**
 * Turns a named range into instants. 24h: the last 24 UTC hours including the current one, hourly.
 * 7d/30d/90d: that many local days ending with today, daily. custom: local dates `from`..`to`
 * inclusive, hourly when it spans two days or fewer.
 */
export function resolveRange(input: { range: RangeName; from?: string; to?: string; tz: string; now?: number }): ResolvedRange {
  const { range, tz } = input;
  const now = input.now ?? Date.now();
  let boundaries: number[];
  let bucket: "hour" | "day";
  if (range === "24h") {
    const to = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
    boundaries = hourBoundaries(to - 24 * HOUR_MS, to);
    bucket = "hour";
  } else if (range === "custom") {
    const from = input.from ? parseLocalDate(input.from) : null;
    const to = input.to ? parseLocalDate(input.to) : null;
    if (!from) throw new ApiError("invalid_parameter", "A custom range needs a from date as YYYY-MM-DD.", { param: "from" });
    if (!to) throw new ApiError("invalid_parameter", "A custom range needs a to date as YYYY-MM-DD.", { param: "to" });
    const days = daysBetween(from, to) + 1;
    if (days < 1) throw new ApiError("invalid_parameter", "The range ends before it starts. Pick a to date on or after the from date.", { param: "to" });
    if (days > MAX_CUSTOM_DAYS) throw new ApiError("invalid_parameter", `A custom range can span at most ${MAX_CUSTOM_DAYS} days.`, { param: "from" });
    const days0 = dayBoundaries(tz, from, days);
    if (days <= 2) {
      boundaries = hourBoundaries(days0[0]!, days0[days]!);
      bucket = "hour";
    } else {
      boundaries = days0;
      bucket = "day";
    }
  } else {
    const days = range === "7d" ? 7 : range === "30d" ? 30 : 90;
    const today = localDateOf(tz, now);
    boundaries = dayBoundaries(tz, addDays(today, -(days - 1)), days);
    bucket = "day";
  }
  const from = boundaries[0]!;
  const to = boundaries[boundaries.length - 1]!;
  return {
    from: new Date(from),
    to: new Date(to),
    previousFrom: new Date(from - (to - from)),
    previousTo: new Date(from),
    bucket,
    boundaries,
    tz,
  };
}

/** The bucket's stable name: "2026-03-29" for a day, "2026-03-29T14:00" (local) for an hour. */
export function bucketKey(tz: string, bucket: "hour" | "day", start: number): string {
  const w = wallClock(tz, start);
  const date = formatLocalDate({ y: w.y, m: w.m, d: w.d });
  return bucket === "day" ? date : `${date}T${String(w.h).padStart(2, "0")}:${String(w.min).padStart(2, "0")}`;
}
