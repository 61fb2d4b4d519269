import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { emit } from "@/lib/events";
import { toMilli } from "@/lib/milli";
import { usdToMicros } from "@/lib/money";

const columns = { id: true, slug: true, name: true, rank: true, priceMonthly: true, cycleQuota: true, rpm: true, tpm: true, features: true, public: true } as const;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof columns }>;
const shape = (p: PlanRow) => ({ ...p, features: JSON.parse(p.features) as string[] });

/** Every plan, hidden ones included: an operator may put a user on any of them. */
export async function listAllPlans() {
  return (await db.plan.findMany({ orderBy: { rank: "asc" }, select: columns })).map(shape);
}

export const planUpdateSchema = z
  .object({
    name: z.string().trim().min(1, "A plan needs a name.").max(60),
    priceUsd: z.number().min(0, "Prices cannot be negative.").max(100_000),
    /** Plan requests per cycle (a call costs its model's multiplier in plan requests). */
    cycleRequests: z.number().min(0).max(1_000_000_000),
    rpm: z.number().int().min(1, "Allow at least one request a minute.").max(10_000_000),
    tpm: z.number().int().min(1, "Allow at least one token a minute.").max(10_000_000_000),
    features: z.array(z.string().trim().min(1).max(200)).max(20, "At most 20 feature lines."),
    public: z.boolean(),
  })
  .partial();

/**
 * Changes a plan. Limits (RPM, TPM) reach the gateway at once through its catalog reload; the
 * price and the cycle quota apply from each subscriber's next cycle, as renewal copies them.
 */
export async function updatePlan(slug: string, input: z.infer<typeof planUpdateSchema>) {
  const data = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.priceUsd !== undefined ? { priceMonthly: usdToMicros(input.priceUsd) } : {}),
    ...(input.cycleRequests !== undefined ? { cycleQuota: BigInt(toMilli(input.cycleRequests)) } : {}),
    ...(input.rpm !== undefined ? { rpm: input.rpm } : {}),
    ...(input.tpm !== undefined ? { tpm: input.tpm } : {}),
    ...(input.features !== undefined ? { features: JSON.stringify(input.features) } : {}),
    ...(input.public !== undefined ? { public: input.public } : {}),
  };
  const updated = await db.plan.updateMany({ where: { slug }, data });
  if (updated.count === 0) throw new ApiError("not_found", "No such plan.");
  emit("catalogChanged", {});
  return shape(await db.plan.findUniqueOrThrow({ where: { slug }, select: columns }));
}
