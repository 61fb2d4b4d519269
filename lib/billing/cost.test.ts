import { describe, expect, it } from "vitest";
import { imageCost, imageUnitPrice, speechCost, tokenCost, transcriptionCost } from "./cost";

const gpt4o = { inputPrice: 2_500_000n, outputPrice: 10_000_000n };

describe("cost", () => {
  it("charges tokens at the per-1M prices, in micro-dollars", () => {
    // 1,000 in x $2.50/M + 500 out x $10/M = $0.0025 + $0.005 = $0.0075
    expect(tokenCost(gpt4o, 1000, 500)).toBe(7500n);
    expect(tokenCost(gpt4o, 0, 0)).toBe(0n);
  });

  it("rounds a fraction of a micro-dollar up, never down", () => {
    const nano = { inputPrice: 50_000n, outputPrice: 400_000n }; // $0.05 / $0.40 per 1M
    expect(tokenCost(nano, 1, 0)).toBe(1n);
    expect(tokenCost(nano, 20, 0)).toBe(1n);
    expect(tokenCost(nano, 21, 0)).toBe(2n);
  });

  it("prices images by size and quality, and unknown combinations at the highest price", () => {
    const dalle3 = { model: "dall-e-3", imagePrices: { "1024x1024/standard": 40_000, "1024x1024/hd": 80_000, "1792x1024/hd": 120_000 } };
    expect(imageUnitPrice(dalle3)).toBe(40_000n);
    expect(imageCost(dalle3, 3, "1024x1024", "hd")).toBe(240_000n);
    expect(imageUnitPrice(dalle3, "512x512", "standard")).toBe(120_000n);
    const gptImage = { model: "gpt-image-1", imagePrices: { "1024x1024/medium": 42_000, "1024x1024/high": 167_000 } };
    expect(imageUnitPrice(gptImage, undefined, "auto")).toBe(42_000n);
  });

  it("prices speech per character and transcription per second of a per-minute price", () => {
    expect(speechCost({ charPrice: 15_000_000n }, 1000)).toBe(15_000n); // $15/M chars -> $0.015
    expect(transcriptionCost({ minutePrice: 6_000n }, 60)).toBe(6_000n);
    expect(transcriptionCost({ minutePrice: 6_000n }, 30)).toBe(3_000n);
    expect(transcriptionCost({ minutePrice: 6_000n }, 0.5)).toBe(50n);
  });
});
