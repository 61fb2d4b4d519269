// GET /api/logs/{id} - one of the signed-in user's requests; anyone else's is a 404
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { getLog } from "@/lib/usage/logs";

export const GET = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  const { id } = await params;
  return json(await getLog(user.id, id));
});
