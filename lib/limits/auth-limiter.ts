import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { processSingleton } from "@/lib/shared-state";

// Apertis documents 20 sign-up / sign-in attempts per 20 minutes per IP.
const limiter = processSingleton(
  "auth-limiter",
  () => new RateLimiterMemory({ keyPrefix: "auth", points: env().AUTH_RATE_LIMIT, duration: 20 * 60 }),
);

/** Counts one attempt from `ip`; throws rate_limit_exceeded with Retry-After when over. */
export async function consumeAuthAttempt(ip: string): Promise<void> {
  try {
    await limiter.consume(ip || "unknown");
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const retryAfter = Math.ceil(res.msBeforeNext / 1000);
    throw new ApiError("rate_limit_exceeded", `Too many attempts from your network. Try again in ${Math.ceil(retryAfter / 60)} minutes.`, {
      headers: { "Retry-After": String(retryAfter) },
    });
  }
}
