// POST /api/signup - create an account (rate limited per IP); the client then signs in.
import { createUser, signUpSchema } from "@/lib/accounts/users";
import { env } from "@/lib/env";
import { ApiError, parseInput } from "@/lib/errors";
import { json, readJson, route } from "@/lib/http/route";
import { consumeAuthAttempt } from "@/lib/limits/auth-limiter";
import { clientIpFrom } from "@/lib/request-ip";

export const POST = route(async (request) => {
  if (!env().ALLOW_SIGNUP) throw new ApiError("access_denied", "Sign-up is closed on this console. Ask the operator for an account.");
  await consumeAuthAttempt(clientIpFrom(request.headers));
  const input = parseInput(signUpSchema, await readJson(request));
  const user = await createUser(input);
  return json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});
