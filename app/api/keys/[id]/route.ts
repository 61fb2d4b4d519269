// GET/PATCH/DELETE /api/keys/{id} - read, edit (limits, name, enable/disable), revoke
import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { getApiKey, revokeApiKey, updateApiKey } from "@/lib/keys";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_request, { params }) => {
  const user = await requireUser();
  return json(await getApiKey(user.id, (await params).id));
});

export const PATCH = route<Ctx>(async (request, { params }) => {
  const user = await requireUser();
  return json(await updateApiKey(user.id, (await params).id, await readJson(request)));
});

export const DELETE = route<Ctx>(async (_request, { params }) => {
  const user = await requireUser();
  return json(await revokeApiKey(user.id, (await params).id));
});
