// GET /api/usage - headline figures, charts and tables of the signed-in user's usage (hourly rollup)
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { queryObject, usageQuerySchema } from "@/lib/usage/filters";
import { getUsageSummary } from "@/lib/usage/summary";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  const user = await requireUser();
  const query = parseInput(usageQuerySchema, queryObject(request.url));
  return json(await getUsageSummary(user.id, query));
});
