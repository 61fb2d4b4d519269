// POST /api/admin/users/{id}/plan - put a user on a plan now, with a fresh cycle and no charge
import { assignPlanSchema } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { assignPlan } from "@/lib/billing/subscription-actions";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  await requireAdmin();
  const { id } = await params;
  const { plan } = parseInput(assignPlanSchema, await readJson(request));
  await assignPlan(id, plan);
  return json({ id, plan });
});
