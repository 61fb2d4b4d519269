// Number and date formatting for the usage, logs, billing and admin pages. Money uses
// lib/money.ts formatUsd; everything here is about counts, ratios, durations and buckets.
const whole = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** 1,234 below ten thousand, 12.3K and 4.5M above: table cells stay narrow. */
export function formatCount(n: number): string {
  return Math.abs(n) >= 10_000 ? compact.format(n) : whole.format(n);
}

export function formatWhole(n: number): string {
  return whole.format(n);
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** "+12.5%" / "-3.0%"; an em dash when there was nothing to compare with. */
export function formatChange(change: number | null): string {
  if (change === null) return "—";
  const pct = change * 100;
  return `${pct > 0 ? "+" : ""}${Math.abs(pct) >= 100 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

const monthDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A bucket key from the API ("2026-03-29" or "2026-03-29T14:00", already local) as an axis label. */
export function bucketLabel(key: string, bucket: "hour" | "day", withDay = false): string {
  const [date, time] = key.split("T");
  const day = monthDay.format(new Date(`${date}T00:00:00Z`));
  if (bucket === "day" || !time) return day;
  return withDay ? `${day}, ${time}` : time;
}

export function formatDateTime(iso: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone }).format(new Date(iso));
}

export function formatDate(iso: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** Subscription quota is counted in milli plan-requests (1000 = one request of a 1x model). */
export function formatPlanRequests(milli: number): string {
  const n = milli / 1000;
  return Number.isInteger(n) ? whole.format(n) : n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
