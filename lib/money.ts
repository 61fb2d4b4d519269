// Money is integer micro-dollars everywhere (1 USD = 1_000_000). Conversions live here only.
export const MICROS_PER_USD = 1_000_000;

export function usdToMicros(usd: number): bigint {
  return BigInt(Math.round(usd * MICROS_PER_USD));
}

export function microsToUsd(micros: bigint | number): number {
  return Number(micros) / MICROS_PER_USD;
}

/** "$1.234567" trimmed to at least two decimals: small costs stay visible ($0.000042). */
export function formatUsd(micros: bigint | number, opts: { precise?: boolean } = {}): string {
  const usd = microsToUsd(micros);
  const sign = usd < 0 ? "-" : "";
  const abs = Math.abs(usd);
  if (!opts.precise && abs >= 0.01) return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (abs === 0) return "$0.00";
  const fixed = abs.toFixed(6).replace(/0+$/, "");
  const [whole, frac = ""] = fixed.split(".");
  return `${sign}$${whole}.${frac.padEnd(2, "0")}`;
}
