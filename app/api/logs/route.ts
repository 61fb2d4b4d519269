// GET /api/logs - the signed-in user's requests, newest first, keyset-paged by `cursor`
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { logsQuerySchema, queryObject } from "@/lib/usage/filters";
import { listLogs } from "@/lib/usage/logs";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  const user = await requireUser();
  const { cursor, limit, ...filter } = parseInput(logsQuerySchema, queryObject(request.url));
  return json(await listLogs(user.id, filter, cursor, limit));
});
