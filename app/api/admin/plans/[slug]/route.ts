// PATCH /api/admin/plans/{slug} - edit a plan's price, quota, limits, features or visibility
import { planUpdateSchema, updatePlan } from "@/lib/admin/plans";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const PATCH = route<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  await requireAdmin();
  const { slug } = await params;
  return json(await updatePlan(slug, parseInput(planUpdateSchema, await readJson(request))));
});
