// PATCH /api/admin/users/{id} - suspend or reactivate an account
import { setUserStatus, userStatusSchema } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http/route";
import { parseInput } from "@/lib/errors";

export const PATCH = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const { id } = await params;
  const { status } = parseInput(userStatusSchema, await readJson(request));
  await setUserStatus(admin.id, id, status);
  return json({ id, status });
});
