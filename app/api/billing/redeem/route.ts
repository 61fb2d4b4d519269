// POST /api/billing/redeem - redeem a code once; raises the balance by its amount
import { requireUser } from "@/lib/auth/session";
import { redemptionCodes } from "@/lib/billing/payments";
import { redeemSchema } from "@/lib/billing/schemas";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const POST = route(async (request) => {
  const user = await requireUser();
  const input = parseInput(redeemSchema, await readJson(request));
  const { amount, balance } = await redemptionCodes.topUp(user.id, input);
  return json({ amount, balance });
});
