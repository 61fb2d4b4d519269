// How the console words numbers, durations and dates: counts, ratios, milliseconds, buckets and
// plan requests, for the playgrounds, usage, logs, billing and admin pages alike. Money is
// lib/money.ts formatUsd.
import { fromMilli } from "@/lib/milli";

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
  const n = fromMilli(milli);
  return Number.isInteger(n) ? whole.format(n) : n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** 128000 -> "128K", 1047576 -> "1M", 8191 -> "8K". */
export function formatContext(tokens: number | null | undefined): string | null {
  if (!tokens) return null;
  if (tokens >= 1_000_000) return `${Number((tokens / 1_048_576).toFixed(1)).toString().replace(/\.0$/, "")}M`;
  return `${Math.round(tokens / 1000)}K`;
}

/** 840 -> "840 ms", 2150 -> "2.15 s", 65000 -> "1:05". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return formatClock(ms / 1000);
}

/** Seconds as "m:ss" (or "h:mm:ss"). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Seconds as an SRT-style "00:01:02.345" for transcript segments. */
export function formatTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
