// GET /api/billing/ledger?cursor= - further pages of the user's balance changes
import { requireUser } from "@/lib/auth/session";
import { listLedger } from "@/lib/billing/overview";
import { ledgerQuerySchema } from "@/lib/billing/schemas";
import { json, route } from "@/lib/http/route";
import { queryObject } from "@/lib/usage/filters";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  const user = await requireUser();
  const { cursor } = parseInput(ledgerQuerySchema, queryObject(request.url));
  return json(await listLedger(user.id, cursor));
});
