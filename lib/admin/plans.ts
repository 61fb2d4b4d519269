import "server-only";
import { db } from "@/lib/db";

/** Every plan, hidden ones included: an operator may put a user on any of them. */
export function listAllPlans() {
  return db.plan.findMany({ orderBy: { rank: "asc" }, select: { slug: true, name: true, rank: true, priceMonthly: true, cycleQuota: true, public: true } });
}
