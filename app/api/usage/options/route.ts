// GET /api/usage/options?range=&tz= - filter menu choices: the user's keys, and models and endpoints used
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { queryObject, usageQuerySchema } from "@/lib/usage/filters";
import { getFilterOptions } from "@/lib/usage/summary";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  const user = await requireUser();
  return json(await getFilterOptions(user.id, parseInput(usageQuerySchema, queryObject(request.url))));
});
