// POST /api/keys/{id}/rotate - new secret, same settings; the old secret stops working at once
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { rotateApiKey } from "@/lib/keys";

export const POST = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return json(await rotateApiKey(user.id, (await params).id), { headers: { "cache-control": "no-store" } });
});
