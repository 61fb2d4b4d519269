// POST /api/billing/fallback - PAYG fallback on/off and its per-cycle cap
import { requireUser } from "@/lib/auth/session";
import { fallbackSchema } from "@/lib/billing/schemas";
import { setPaygFallback } from "@/lib/billing/subscription-actions";
import { json, readJson, route } from "@/lib/http/route";
import { usdToMicros } from "@/lib/money";
import { parseInput } from "@/lib/errors";

export const POST = route(async (request) => {
  const user = await requireUser();
  const { enabled, capUsd } = parseInput(fallbackSchema, await readJson(request));
  await setPaygFallback(user.id, enabled, capUsd === null ? null : usdToMicros(capUsd));
  return json({ enabled, capUsd });
});
