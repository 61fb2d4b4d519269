import "server-only";
import { z } from "zod";
import { mintCode } from "@/lib/billing/codes";
import { db, type Prisma } from "@/lib/db";
import { usdToMicros } from "@/lib/money";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/usage/cursor";

export const generateCodesSchema = z.object({
  count: z.number().int().min(1, "Generate at least one code.").max(500, "Generate at most 500 codes at a time."),
  amountUsd: z.number().positive("Enter an amount above zero.").max(100_000, "A code can carry at most $100,000."),
  batch: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type GenerateCodesInput = z.infer<typeof generateCodesSchema>;

/** N fresh codes of one amount, labelled with a batch so they can be found together later. */
export async function generateCodes(adminId: string, input: GenerateCodesInput, now = new Date()) {
  const amount = usdToMicros(input.amountUsd);
  const batch = input.batch ?? `batch ${now.toISOString().slice(0, 16).replace("T", " ")}`;
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const codes = Array.from({ length: input.count }, mintCode);
  await db.redemptionCode.createMany({ data: codes.map((code) => ({ code, amount, batch, createdById: adminId, expiresAt, createdAt: now })) });
  return { batch, amount, expiresAt, codes };
}

export const codeListSchema = z.object({
  status: z.enum(["all", "unused", "used"]).default("all"),
  batch: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Codes newest first, with who redeemed each and when. */
export async function listCodes(query: z.infer<typeof codeListSchema>) {
  const where: Prisma.RedemptionCodeWhereInput = {
    ...(query.status === "used" ? { redeemedById: { not: null } } : query.status === "unused" ? { redeemedById: null } : {}),
    ...(query.batch ? { batch: query.batch } : {}),
  };
  const rows = await db.redemptionCode.findMany({
    where: query.cursor ? { AND: [where, afterCursor(decodeCursor(query.cursor))] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      code: true,
      amount: true,
      batch: true,
      createdAt: true,
      expiresAt: true,
      redeemedAt: true,
      redeemedBy: { select: { id: true, email: true } },
    },
  });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
