// GET /api/keys - the signed-in user's keys; POST /api/keys - create one (plaintext returned once)
import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { createApiKey, listApiKeys } from "@/lib/keys";

export const GET = route(async (request) => {
  const user = await requireUser();
  const includeRevoked = new URL(request.url).searchParams.get("include") === "revoked";
  return json({ data: await listApiKeys(user.id, { includeRevoked }) });
});

export const POST = route(async (request) => {
  const user = await requireUser();
  const created = await createApiKey(user.id, await readJson(request));
  return json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
