// GET /api/admin/codes - redemption codes with who redeemed them; POST - generate N codes of an amount
import { codeListSchema, generateCodes, generateCodesSchema, listCodes } from "@/lib/admin/codes";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { queryObject } from "@/lib/usage/filters";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  await requireAdmin();
  return json(await listCodes(parseInput(codeListSchema, queryObject(request.url))));
});

export const POST = route(async (request) => {
  const admin = await requireAdmin();
  const input = parseInput(generateCodesSchema, await readJson(request));
  return json(await generateCodes(admin.id, input), { status: 201 });
});
