// How the keys page words times and money. Values arrive as ISO strings and USD numbers
// (PublicKey in lib/keys); formatting lives here so the table and the cards agree.
import { formatUsd, MICROS_PER_USD } from "@/lib/money";

const rtf = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
const exactFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "just now", "5 minutes ago", "in 29 days", "yesterday". */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return diff <= 0 ? "just now" : "in a moment";
  for (const [unit, ms] of units) {
    if (abs >= ms || unit === "minute") return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, "minute");
}

/** The exact local time, for a title or tooltip next to a relative time. */
export function exactTime(iso: string): string {
  return exactFormat.format(new Date(iso));
}

/** US dollars as the API sends them (a float) to "$1.23", small amounts kept visible ("$0.000042"). */
export function usd(amount: number): string {
  return formatUsd(Math.round(amount * MICROS_PER_USD));
}

/** Share of a limit used, 0..1; null without a limit. */
export function usedShare(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit <= 0) return used > 0 ? 1 : 0;
  return Math.min(1, used / limit);
}
