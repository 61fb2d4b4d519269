import "server-only";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ApiError } from "@/lib/errors";
import type { KeyState, UserState } from "./accounts";

/**
 * Requests and tokens per minute, per key and per user (the plan's limit covers all of a user's
 * keys together; a key may set a lower one). Declared as a policy table of limiters by limit value.
 */
export interface RateDecision {
  headers: Record<string, string>;
}

type Factory = (points: number, prefix: string) => RateLimiterAbstract;

const memoryFactory: Factory = (points, prefix) => new RateLimiterMemory({ points, duration: 60, keyPrefix: prefix });

export class RateLimits {
  private limiters = new Map<string, RateLimiterAbstract>();

  constructor(private factory: Factory = memoryFactory) {}

  /** Swaps the store (Redis when REDIS_URL is set); existing windows start over. */
  useFactory(factory: Factory) {
    this.factory = factory;
    this.limiters.clear();
  }

  private limiter(kind: "rpm" | "tpm", scope: "k" | "u", points: number) {
    const id = `${kind}:${scope}:${points}`;
    let l = this.limiters.get(id);
    if (!l) {
      l = this.factory(points, `rl:${id}`);
      this.limiters.set(id, l);
    }
    return l;
  }

  /** Counts one request and `tokens` estimated tokens; throws 429 rate_limit_exceeded when over. */
  async admit(key: KeyState, user: UserState, tokens: number): Promise<RateDecision> {
    const planRpm = user.plan?.rpm ?? 60;
    const planTpm = user.plan?.tpm ?? 200_000;
    const keyRpm = Math.min(key.record.rpmLimit ?? planRpm, planRpm);
    const keyTpm = Math.min(key.record.tpmLimit ?? planTpm, planTpm);
    const checks: Array<[RateLimiterAbstract, string, number, number, string]> = [
      [this.limiter("rpm", "k", keyRpm), key.record.id, 1, keyRpm, "requests per minute for this key"],
      [this.limiter("rpm", "u", planRpm), user.id, 1, planRpm, "requests per minute for your plan"],
    ];
    if (tokens > 0) {
      checks.push([this.limiter("tpm", "k", keyTpm), key.record.id, Math.min(tokens, keyTpm), keyTpm, "tokens per minute for this key"]);
      checks.push([this.limiter("tpm", "u", planTpm), user.id, Math.min(tokens, planTpm), planTpm, "tokens per minute for your plan"]);
    }
    let first: RateLimiterRes | undefined;
    for (const [limiter, id, points, limit, what] of checks) {
      try {
        const res = await limiter.consume(id, points);
        first ??= res;
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw new ApiError("rate_limit_exceeded", `Rate limit of ${limit} ${what} reached. Retry in ${retryAfter} s.`, {
          headers: {
            "retry-after": String(retryAfter),
            "x-ratelimit-limit": String(limit),
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": String(Math.ceil((Date.now() + err.msBeforeNext) / 1000)),
          },
        });
      }
    }
    const head = first!;
    return {
      headers: {
        "x-ratelimit-limit": String(keyRpm),
        "x-ratelimit-remaining": String(Math.max(0, head.remainingPoints)),
        "x-ratelimit-reset": String(Math.ceil((Date.now() + head.msBeforeNext) / 1000)),
      },
    };
  }

  /** Charges tokens the admission estimate did not cover (never rejects: the work is done). */
  async addTokens(key: KeyState, user: UserState, tokens: number): Promise<void> {
    if (tokens <= 0) return;
    const planTpm = user.plan?.tpm ?? 200_000;
    const keyTpm = Math.min(key.record.tpmLimit ?? planTpm, planTpm);
    await Promise.allSettled([
      this.limiter("tpm", "k", keyTpm).penalty(key.record.id, tokens),
      this.limiter("tpm", "u", planTpm).penalty(user.id, tokens),
    ]);
  }
}
