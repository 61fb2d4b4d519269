import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { emit } from "@/lib/events";
import { toMilli } from "@/lib/milli";
import { usdToMicros } from "@/lib/money";

const usd = z.number().min(0, "Prices cannot be negative.").max(1_000_000);

const priceFields = {
  ownedBy: z.string().trim().min(1).max(100),
  modality: z.enum(["chat", "image", "tts", "stt", "embedding"]),
  contextLength: z.number().int().positive().max(100_000_000).nullable(),
  /** USD per 1M input / output tokens. */
  inputUsd: usd,
  outputUsd: usd,
  /** USD per image, keyed "1024x1024/standard" ("*" for any size). */
  imagePricesUsd: z.record(z.string().regex(/^(\*|\d+x\d+)\/[a-z]+$/, "Image price keys look like 1024x1024/standard."), usd),
  /** USD per 1M characters (TTS). */
  charUsd: usd,
  /** USD per minute of audio (STT). */
  minuteUsd: usd,
  tier: z.enum(["free", "lite", "pro", "plus", "max", "payg"]),
  /** Plan requests one call uses on a subscription (0 = free in plan). */
  multiplier: z.number().min(0).max(1000),
  active: z.boolean(),
};

export const priceCreateSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\w.:/-]+$/, "Model ids use letters, digits and . _ : / - only."),
  ...priceFields,
  contextLength: priceFields.contextLength.default(null),
  inputUsd: usd.default(0),
  outputUsd: usd.default(0),
  imagePricesUsd: priceFields.imagePricesUsd.default({}),
  charUsd: usd.default(0),
  minuteUsd: usd.default(0),
  multiplier: priceFields.multiplier.default(1),
  active: z.boolean().default(true),
});
export const priceUpdateSchema = z.object(priceFields).partial();

type PriceInput = z.infer<typeof priceUpdateSchema>;

/** Dollar inputs to the stored micro-USD and milli plan-request columns. */
function toColumns(input: PriceInput) {
  return {
    ...(input.ownedBy !== undefined ? { ownedBy: input.ownedBy } : {}),
    ...(input.modality !== undefined ? { modality: input.modality } : {}),
    ...(input.contextLength !== undefined ? { contextLength: input.contextLength } : {}),
    ...(input.inputUsd !== undefined ? { inputPrice: usdToMicros(input.inputUsd) } : {}),
    ...(input.outputUsd !== undefined ? { outputPrice: usdToMicros(input.outputUsd) } : {}),
    ...(input.imagePricesUsd !== undefined
      ? { imagePrices: JSON.stringify(Object.fromEntries(Object.entries(input.imagePricesUsd).map(([k, v]) => [k, Number(usdToMicros(v))]))) }
      : {}),
    ...(input.charUsd !== undefined ? { charPrice: usdToMicros(input.charUsd) } : {}),
    ...(input.minuteUsd !== undefined ? { minutePrice: usdToMicros(input.minuteUsd) } : {}),
    ...(input.tier !== undefined ? { tier: input.tier } : {}),
    ...(input.multiplier !== undefined ? { multiplier: toMilli(input.multiplier) } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

type PriceRow = Awaited<ReturnType<typeof db.modelPrice.findUniqueOrThrow>>;

const shape = (r: PriceRow) => ({ ...r, imagePrices: JSON.parse(r.imagePrices) as Record<string, number> });

export async function listPrices() {
  const rows = await db.modelPrice.findMany({ orderBy: [{ modality: "asc" }, { model: "asc" }] });
  return rows.map(shape);
}

/** Adds a model to the catalog; the gateway serves it from its next catalog reload (now). */
export async function createPrice(input: z.infer<typeof priceCreateSchema>) {
  try {
    const row = await db.modelPrice.create({ data: { model: input.model, ...toColumns(input), ownedBy: input.ownedBy, modality: input.modality } });
    emit("catalogChanged", {});
    return shape(row);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new ApiError("conflict", `${input.model} already has a price. Edit it instead.`, { param: "model" });
    }
    throw err;
  }
}

export async function updatePrice(id: string, input: PriceInput) {
  const updated = await db.modelPrice.updateMany({ where: { id }, data: toColumns(input) });
  if (updated.count === 0) throw new ApiError("not_found", "No such model price.");
  emit("catalogChanged", {});
  return shape(await db.modelPrice.findUniqueOrThrow({ where: { id } }));
}
