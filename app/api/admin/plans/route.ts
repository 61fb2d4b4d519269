// GET /api/admin/plans - every plan, for the plans tab and the change-plan menu (admins only)
import { listAllPlans } from "@/lib/admin/plans";
import { requireAdmin } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";

export const GET = route(async () => {
  await requireAdmin();
  return json(await listAllPlans());
});
