import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/errors";
import { redisStore } from "@/lib/limits/redis";
import { processSingleton } from "@/lib/shared-state";

/**
 * A window of attempts per key (an IP, a user): password guesses, code guesses. With REDIS_URL the
 * window is shared by every console process, so N processes do not allow N times the guesses;
 * while Redis is down each process counts in its own memory (the insurance limiter).
 */
export function attemptWindow(name: string, points: number, seconds: number): RateLimiterMemory | RateLimiterRedis {
  return processSingleton(`${name}-limiter`, () => {
    const local = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
    const client = redisStore();
    return client ? new RateLimiterRedis({ storeClient: client, keyPrefix: `attempts:${name}`, points, duration: seconds, insuranceLimiter: local }) : local;
  });
}

/**
 * What a spent window rejects with. Checked by shape, not instanceof: the limiter is one per process
 * (processSingleton) but the server and Next's bundles each load their own copy of the library.
 */
export function isLimiterResult(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && typeof (value as { msBeforeNext?: unknown }).msBeforeNext === "number";
}

/**
 * Takes one attempt from `key`'s window, or throws the 429. Check and count are one step in the
 * limiter, so parallel attempts cannot all pass a check made before any of them was counted.
 */
export async function consumeAttempt(window: RateLimiterMemory | RateLimiterRedis, key: string, message: string): Promise<void> {
  try {
    await window.consume(key);
  } catch (res) {
    if (!isLimiterResult(res)) throw res;
    throw tooManyAttempts(res, message);
  }
}

/** The 429 for a spent window: `message` plus when to try again, and Retry-After. */
export function tooManyAttempts(res: RateLimiterRes, message: string): ApiError {
  const retryAfter = Math.ceil(res.msBeforeNext / 1000);
  return new ApiError("rate_limit_exceeded", `${message} Try again in ${Math.ceil(retryAfter / 60)} minutes.`, {
    headers: { "Retry-After": String(retryAfter) },
  });
}
