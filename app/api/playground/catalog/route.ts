// GET /api/playground/catalog - active models with context length and list prices (USD) for the pickers
import { requireUser } from "@/lib/auth/session";
import { listCatalogPrices } from "@/lib/catalog/prices";
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  await requireUser();
  return json({ data: await listCatalogPrices() }, { headers: { "cache-control": "private, max-age=60" } });
});
