// PATCH /api/admin/prices/{id} - edit a model's prices, tier or multiplier
import { priceUpdateSchema, updatePrice } from "@/lib/admin/prices";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const PATCH = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  await requireAdmin();
  const { id } = await params;
  return json(await updatePrice(id, parseInput(priceUpdateSchema, await readJson(request))));
});
