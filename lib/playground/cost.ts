// Cost estimates shown next to each reply, image and clip. They run the gateway's own arithmetic
// (lib/billing/cost.ts, integer micro-dollars, rounded up) on the catalog's list prices, so the
// figure shown is the figure metered for a standard key. Subscription keys draw plan quota instead.
import type { CatalogPrice } from "@/lib/catalog/prices";
import { imageUnitPrice, speechCost, tokenCost, transcriptionCost } from "@/lib/billing/cost";
import { formatUsd, microsToUsd, usdToMicros } from "@/lib/money";

export function chatCostUsd(price: CatalogPrice, promptTokens: number, completionTokens: number): number {
  const micros = tokenCost({ inputPrice: usdToMicros(price.inputPerMillion), outputPrice: usdToMicros(price.outputPerMillion) }, promptTokens, completionTokens);
  return microsToUsd(micros);
}

function imagePriceMicros(price: CatalogPrice): Record<string, number> {
  return Object.fromEntries(Object.entries(price.imagePrices).map(([k, v]) => [k, Number(usdToMicros(v))]));
}

export function imageCostUsd(price: CatalogPrice, n: number, size?: string, quality?: string): number {
  const unit = imageUnitPrice({ model: price.model, imagePrices: imagePriceMicros(price) }, size, quality);
  return microsToUsd(unit * BigInt(n));
}

export function speechCostUsd(price: CatalogPrice, characters: number): number {
  return microsToUsd(speechCost({ charPrice: usdToMicros(price.charPerMillion) }, characters));
}

export function transcriptionCostUsd(price: CatalogPrice, seconds: number): number {
  return microsToUsd(transcriptionCost({ minutePrice: usdToMicros(price.perMinute) }, seconds));
}

/** "$0.000042", "$1.25": small amounts keep their digits. */
export function formatCost(usd: number): string {
  return formatUsd(usdToMicros(usd), { precise: usd < 0.01 });
}

/** "$0.15" for per-unit list prices (which can be fractions of a cent). */
export function formatPrice(usd: number): string {
  if (usd === 0) return "$0";
  if (usd >= 0.01) return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 3 })}`;
  return `$${usd.toLocaleString("en-US", { maximumSignificantDigits: 3 })}`;
}
