// Cost arithmetic in integer micro-dollars. Every function rounds up: a request is never charged
// less than it cost upstream, and the logged cost is exactly what is deducted.
import type { PriceRecord } from "@/lib/gateway/types";

const MILLION = 1_000_000n;

function ceilDiv(a: bigint, b: bigint): bigint {
  return a <= 0n ? 0n : (a + b - 1n) / b;
}

export function tokenCost(price: Pick<PriceRecord, "inputPrice" | "outputPrice">, promptTokens: number, completionTokens: number): bigint {
  return ceilDiv(BigInt(promptTokens) * price.inputPrice + BigInt(completionTokens) * price.outputPrice, MILLION);
}

export const defaultImageQuality = (model: string): string => (model.startsWith("gpt-image") ? "medium" : "standard");

/** Price of one image; a size/quality the table lacks is charged at the model's highest price. */
export function imageUnitPrice(price: Pick<PriceRecord, "imagePrices" | "model">, size?: string, quality?: string): bigint {
  const q = !quality || quality === "auto" ? defaultImageQuality(price.model) : quality;
  const s = !size || size === "auto" ? "1024x1024" : size;
  const exact = price.imagePrices[`${s}/${q}`] ?? price.imagePrices[`*/${q}`];
  if (exact !== undefined) return BigInt(exact);
  const all = Object.values(price.imagePrices);
  return BigInt(all.length ? Math.max(...all) : 0);
}

export function imageCost(price: Pick<PriceRecord, "imagePrices" | "model">, n: number, size?: string, quality?: string): bigint {
  return imageUnitPrice(price, size, quality) * BigInt(n);
}

export function speechCost(price: Pick<PriceRecord, "charPrice">, characters: number): bigint {
  return ceilDiv(BigInt(characters) * price.charPrice, MILLION);
}

export function transcriptionCost(price: Pick<PriceRecord, "minutePrice">, seconds: number): bigint {
  // Per-second proration of the per-minute price, in thousandths of a second.
  return ceilDiv(BigInt(Math.ceil(seconds * 1000)) * price.minutePrice, 60_000n);
}
