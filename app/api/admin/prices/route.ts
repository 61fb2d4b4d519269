// GET /api/admin/prices - every model price; POST - add a model to the catalog
import { createPrice, listPrices, priceCreateSchema } from "@/lib/admin/prices";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const GET = route(async () => {
  await requireAdmin();
  return json(await listPrices());
});

export const POST = route(async (request) => {
  await requireAdmin();
  const input = parseInput(priceCreateSchema, await readJson(request));
  return json(await createPrice(input), { status: 201 });
});
