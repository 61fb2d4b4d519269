// GET|POST /api/playground/v1/* - the /v1 API for the signed-in user's playgrounds: same core, same
// limits and metering, with the key chosen by id (header x-playground-key) instead of a secret.
import { requireUser } from "@/lib/auth/session";
import { handleWebRequest } from "@/lib/gateway/web";
import { route } from "@/lib/http/route";
import { playgroundKeyFor } from "@/lib/keys";
import { clientIpFrom } from "@/lib/request-ip";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path: string[] }> };

const handler = route<Ctx>(async (request, { params }) => {
  const user = await requireUser();
  const keyId = await playgroundKeyFor(user.id, request.headers.get("x-playground-key"));
  const { path } = await params;
  return handleWebRequest(request, { path: `/v1/${path.map(encodeURIComponent).join("/")}`, keyId, clientIp: clientIpFrom(request.headers) });
});

export const GET = handler;
export const POST = handler;
