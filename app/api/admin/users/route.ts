// GET /api/admin/users?q=&status=&page= - search users (admins only; 404 for anyone else)
import { listUsers, userListSchema } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { queryObject } from "@/lib/usage/filters";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  await requireAdmin();
  return json(await listUsers(parseInput(userListSchema, queryObject(request.url))));
});
