// POST /api/keys/{id}/reveal - the secret of a key created for the user (default, subscription), once
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";
import { revealPendingKey } from "@/lib/keys";

export const POST = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireUser();
  return json(await revealPendingKey(user.id, (await params).id), { headers: { "cache-control": "no-store" } });
});
