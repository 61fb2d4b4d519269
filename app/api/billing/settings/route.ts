// PATCH /api/billing/settings - the low-balance warning threshold
import { requireUser } from "@/lib/auth/session";
import { setLowBalanceThreshold } from "@/lib/billing/overview";
import { billingSettingsSchema } from "@/lib/billing/schemas";
import { json, readJson, route } from "@/lib/http/route";
import { usdToMicros } from "@/lib/money";
import { parseInput } from "@/lib/errors";

export const PATCH = route(async (request) => {
  const user = await requireUser();
  const { lowBalanceThresholdUsd } = parseInput(billingSettingsSchema, await readJson(request));
  await setLowBalanceThreshold(user.id, lowBalanceThresholdUsd === null ? null : usdToMicros(lowBalanceThresholdUsd));
  return json({ lowBalanceThresholdUsd });
});
