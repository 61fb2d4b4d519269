// POST /api/admin/users/{id}/grant - add credit to a user's balance (ledger kind GRANT)
import { grantCredit, grantSchema } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const { id } = await params;
  const balance = await grantCredit(admin.id, id, parseInput(grantSchema, await readJson(request)));
  return json({ id, balance });
});
