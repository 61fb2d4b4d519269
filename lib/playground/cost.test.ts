import { describe, expect, it } from "vitest";
import type { CatalogPrice } from "@/lib/catalog/prices";
import { chatCostUsd, formatCost, formatPrice, imageCostUsd, speechCostUsd, transcriptionCostUsd } from "./cost";

const base: CatalogPrice = { model: "m", ownedBy: "o", modality: "chat", contextLength: 128_000, inputPerMillion: 0, outputPerMillion: 0, imagePrices: {}, charPerMillion: 0, perMinute: 0 };

describe("cost estimates (same arithmetic as the gateway)", () => {
  it("prices tokens per million, rounded up to the micro-dollar", () => {
    expect(chatCostUsd({ ...base, inputPerMillion: 0.15, outputPerMillion: 0.6 }, 1000, 500)).toBeCloseTo(0.00045, 9);
    expect(chatCostUsd({ ...base, inputPerMillion: 0.15, outputPerMillion: 0.6 }, 1, 1)).toBe(0.000001);
  });

  it("prices images by size and quality, speech by character and audio by second", () => {
    const dalle3 = { ...base, model: "dall-e-3", imagePrices: { "1024x1024/standard": 0.04, "1024x1024/hd": 0.08 } };
    expect(imageCostUsd(dalle3, 2, "1024x1024", "hd")).toBeCloseTo(0.16);
    expect(imageCostUsd(dalle3, 1, "1024x1024")).toBeCloseTo(0.04);
    expect(speechCostUsd({ ...base, charPerMillion: 15 }, 1000)).toBeCloseTo(0.015);
    expect(transcriptionCostUsd({ ...base, perMinute: 0.006 }, 30)).toBeCloseTo(0.003);
  });

  it("formats small amounts without losing them", () => {
    expect(formatCost(0.000042)).toBe("$0.000042");
    expect(formatCost(1.5)).toBe("$1.50");
    expect(formatPrice(0.15)).toBe("$0.15");
    expect(formatPrice(0.006)).toBe("$0.006");
  });
});
