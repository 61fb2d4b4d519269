import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { insertKey } from "@/lib/keys/store";
import { type BillingCycle, cycleEnd } from "./cycles";

type Tx = Prisma.TransactionClient;

/** Starts a subscription with its own sk-sub- key, whose quota is the subscription cycle. */
export async function startSubscription(tx: Tx, userId: string, planSlug: string, cycle: BillingCycle = "MONTHLY", now = new Date()) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { slug: planSlug } });
  const subscription = await tx.subscription.create({
    data: {
      userId,
      planId: plan.id,
      billingCycle: cycle,
      cycleStart: now,
      cycleEnd: cycleEnd(now, cycle),
      cycleQuota: plan.cycleQuota,
    },
  });
  const { key } = await insertKey(tx, {
    userId,
    name: `${plan.name} subscription`,
    kind: "SUBSCRIPTION",
    subscriptionId: subscription.id,
    revealPending: true,
  });
  return { plan, subscription, key };
}
