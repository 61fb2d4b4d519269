import "server-only";
import { db } from "@/lib/db";
import type { PlanLimits } from "@/components/keys/key-form-dialog";

/**
 * The rate limits of the user's plan, shown next to the key form's RPM / TPM override. The same
 * subscription lib/keys checks an override against (withinPlan): the newest active or cancelled one.
 */
export async function planLimitsFor(userId: string): Promise<PlanLimits | null> {
  const sub = await db.subscription.findFirst({
    where: { userId, status: { in: ["ACTIVE", "CANCELLED"] } },
    orderBy: { createdAt: "desc" },
    select: { plan: { select: { name: true, rpm: true, tpm: true } } },
  });
  return sub ? { planName: sub.plan.name, rpm: sub.plan.rpm, tpm: sub.plan.tpm } : null;
}
