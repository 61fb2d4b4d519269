import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { catalog, type CatalogModel } from "@/lib/catalog/models";
import { plans } from "@/lib/catalog/plans";
import { toMilli } from "@/lib/milli";
import { usdToMicros } from "@/lib/money";
import { createUser, findUserByEmail } from "@/lib/accounts/users";

export function priceRow(m: CatalogModel) {
  const images = Object.fromEntries(Object.entries(m.images ?? {}).map(([k, usd]) => [k, Number(usdToMicros(usd))]));
  return {
    model: m.id,
    ownedBy: m.ownedBy,
    modality: m.modality,
    contextLength: m.contextLength ?? null,
    inputPrice: usdToMicros(m.input ?? 0),
    outputPrice: usdToMicros(m.output ?? 0),
    imagePrices: JSON.stringify(images),
    charPrice: usdToMicros(m.perMillionChars ?? 0),
    minutePrice: usdToMicros(m.perMinute ?? 0),
    tier: m.tier,
    multiplier: toMilli(m.multiplier),
  };
}

export interface SeedResult {
  plansCreated: number;
  pricesCreated: number;
  /** Set only when this run created the admin with a generated password. */
  generatedAdmin?: { email: string; password: string };
}

/**
 * Idempotent; runs on every start. Plans and prices are created when missing and never
 * overwritten, so an admin's edits survive restarts.
 */
export async function seed(): Promise<SeedResult> {
  let plansCreated = 0;
  for (const p of plans) {
    const exists = await db.plan.findUnique({ where: { slug: p.slug }, select: { id: true } });
    if (exists) continue;
    await db.plan.create({
      data: {
        slug: p.slug,
        name: p.name,
        rank: p.rank,
        priceMonthly: usdToMicros(p.priceUsd),
        cycleQuota: BigInt(toMilli(p.cycleRequests)),
        rpm: p.rpm,
        tpm: p.tpm,
        rateMultiplier: toMilli(p.rateMultiplier),
        features: JSON.stringify(p.features),
        public: p.public,
      },
    });
    plansCreated++;
  }

  const existing = new Set((await db.modelPrice.findMany({ select: { model: true } })).map((r) => r.model));
  const missing = catalog.filter((m) => !existing.has(m.id)).map(priceRow);
  if (missing.length) await db.modelPrice.createMany({ data: missing });

  const result: SeedResult = { plansCreated, pricesCreated: missing.length };
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (ADMIN_EMAIL) {
    const user = await findUserByEmail(ADMIN_EMAIL);
    if (!user && ADMIN_PASSWORD) await createUser({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: "ADMIN", name: "Admin" });
    else if (user && user.role !== "ADMIN") await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    else if (!user) {
      const password = generatePassword();
      await createUser({ email: ADMIN_EMAIL, password, role: "ADMIN", name: "Admin" });
      result.generatedAdmin = { email: ADMIN_EMAIL, password };
    }
  } else if ((await db.user.count({ where: { role: "ADMIN" } })) === 0) {
    const password = generatePassword();
    const email = "admin@localhost.local";
    await createUser({ email, password, role: "ADMIN", name: "Admin" });
    result.generatedAdmin = { email, password };
  }
  return result;
}

function generatePassword(): string {
  // base64url of 18 bytes always has letters; the suffix guarantees a digit for the policy.
  return `${randomBytes(18).toString("base64url")}7`;
}
