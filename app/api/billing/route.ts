// GET /api/billing - plan and cycle, PAYG balance, plans with prices, first ledger page, runway
import { requireUser } from "@/lib/auth/session";
import { getBilling } from "@/lib/billing/overview";
import { json, route } from "@/lib/http/route";

export const GET = route(async () => {
  const user = await requireUser();
  return json(await getBilling(user.id));
});
