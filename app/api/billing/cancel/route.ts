// POST /api/billing/cancel - cancel the paid plan at the end of its period
import { requireUser } from "@/lib/auth/session";
import { cancelSubscription } from "@/lib/billing/subscription-actions";
import { json, route } from "@/lib/http/route";

export const POST = route(async () => {
  const user = await requireUser();
  return json(await cancelSubscription(user.id));
});
