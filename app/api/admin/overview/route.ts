// GET /api/admin/overview?range=&tz= - the whole console's usage and accounts (hourly rollup)
import { requireAdmin } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { getConsoleOverview } from "@/lib/usage/console-overview";
import { queryObject, usageQuerySchema } from "@/lib/usage/filters";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  await requireAdmin();
  return json(await getConsoleOverview(parseInput(usageQuerySchema, { range: "30d", ...queryObject(request.url) })));
});
