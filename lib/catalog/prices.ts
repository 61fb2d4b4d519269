import "server-only";
import { db } from "@/lib/db";
import { microsToUsd } from "@/lib/money";
import type { Modality } from "./models";

/**
 * A model as the playgrounds show it: what it is and what it costs, in US dollars. Prices are
 * stored as integer micro-dollars (ModelPrice); they become floats only here, for display and
 * client-side estimates. The gateway's own metering never reads these numbers.
 */
export interface CatalogPrice {
  model: string;
  ownedBy: string;
  modality: Modality;
  contextLength: number | null;
  /** USD per 1M tokens (chat, embedding). */
  inputPerMillion: number;
  outputPerMillion: number;
  /** USD per image, keyed "size/quality" ("1024x1024/standard"). */
  imagePrices: Record<string, number>;
  /** USD per 1M characters (text to speech). */
  charPerMillion: number;
  /** USD per minute of audio (speech to text). */
  perMinute: number;
}

function parseImagePrices(raw: string): Record<string, number> {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object") return {};
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === "number") out[k] = microsToUsd(v);
    return out;
  } catch {
    return {};
  }
}

/** The active models with their list prices, sorted by modality then id. */
export async function listCatalogPrices(): Promise<CatalogPrice[]> {
  const rows = await db.modelPrice.findMany({
    where: { active: true },
    orderBy: [{ modality: "asc" }, { model: "asc" }],
    select: {
      model: true,
      ownedBy: true,
      modality: true,
      contextLength: true,
      inputPrice: true,
      outputPrice: true,
      imagePrices: true,
      charPrice: true,
      minutePrice: true,
    },
  });
  return rows.map((r) => ({
    model: r.model,
    ownedBy: r.ownedBy,
    modality: r.modality as Modality,
    contextLength: r.contextLength,
    inputPerMillion: microsToUsd(r.inputPrice),
    outputPerMillion: microsToUsd(r.outputPrice),
    imagePrices: parseImagePrices(r.imagePrices),
    charPerMillion: microsToUsd(r.charPrice),
    perMinute: microsToUsd(r.minutePrice),
  }));
}
