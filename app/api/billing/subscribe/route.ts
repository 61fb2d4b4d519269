// POST /api/billing/subscribe - subscribe, upgrade at once (prorated), or schedule a downgrade; paid from the balance
import { requireUser } from "@/lib/auth/session";
import { subscribeSchema } from "@/lib/billing/schemas";
import { changePlan } from "@/lib/billing/subscription-actions";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const POST = route(async (request) => {
  const user = await requireUser();
  const { plan, cycle } = parseInput(subscribeSchema, await readJson(request));
  return json(await changePlan(user.id, plan, cycle));
});
