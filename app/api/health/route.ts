// GET /api/health - 200 when the database answers, 503 when it does not.
import { checkHealth } from "@/lib/health";
import { json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
