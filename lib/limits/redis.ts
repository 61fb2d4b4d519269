import "server-only";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { addRelay, emit, type ConsoleEvents } from "@/lib/events";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/shared-state";

/**
 * With REDIS_URL, several console processes share rate-limit windows, quota counters and cache
 * invalidation. Redis going away never stops the gateway: limits fall back to this process's own
 * counters (said once in the log, and in /api/health) until it is back.
 */
export type RedisState = "disabled" | "connecting" | "ok" | "down";

interface Shared {
  client: Redis;
  subscriber: Redis;
  state: RedisState;
  origin: string;
}

const CHANNEL = "apertis-console:events";

const shared = processSingleton<{ value: Shared | null }>("redis", () => ({ value: null }));

export function redisState(): RedisState {
  return shared.value?.state ?? "disabled";
}

export function redisClient(): Redis | null {
  const s = shared.value;
  return s && s.state === "ok" ? s.client : null;
}

/** The client for stores that bring their own fallback (rate-limiter-flexible's insurance), even while it is down. */
export function redisStore(): Redis | null {
  return shared.value?.client ?? null;
}

function connect(url: string): Redis {
  return new Redis(url, {
    lazyConnect: false,
    // Fail fast while Redis is down instead of queueing: callers fall back to local limits.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** Connects once per process; returns false when REDIS_URL is not set. */
export function startRedis(): boolean {
  const url = env().REDIS_URL;
  if (!url) return false;
  if (shared.value) return true;
  const origin = randomUUID();
  const client = connect(url);
  const subscriber = connect(url);
  const s: Shared = { client, subscriber, state: "connecting", origin };
  shared.value = s;

  client.on("ready", () => {
    if (s.state !== "ok") log.info("redis connected: limits and invalidation are shared across processes");
    s.state = "ok";
  });
  const down = (err?: Error) => {
    if (s.state === "ok" || s.state === "connecting") {
      log.warn("redis unavailable: falling back to per-process limits until it is back", { error: err?.message });
    }
    s.state = "down";
  };
  client.on("error", down);
  client.on("end", () => down());
  client.on("close", () => {
    if (s.state === "ok") down();
  });
  subscriber.on("error", () => undefined); // reported through the main client

  subscriber.on("ready", () => {
    void subscriber.subscribe(CHANNEL).catch(() => undefined);
    // Events missed while disconnected: every process drops its caches to be safe.
    if (s.state === "ok") emit("catalogChanged", {}, { relay: false });
  });
  subscriber.on("message", (_channel: string, message: string) => {
    try {
      const { o, n, p } = JSON.parse(message) as { o: string; n: keyof ConsoleEvents; p: ConsoleEvents[keyof ConsoleEvents] };
      if (o !== origin) emit(n, p as never, { relay: false });
    } catch {
      // not ours
    }
  });
  addRelay((name, payload) => {
    if (s.state !== "ok") return;
    void client.publish(CHANNEL, JSON.stringify({ o: origin, n: name, p: payload })).catch(() => undefined);
  });
  return true;
}

/** Resolves once connected (true) or after `ms` (false); for short-lived processes like the CLI. */
export async function waitForRedis(ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (redisState() === "ok") return true;
    if (redisState() === "disabled") return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Rate limiter store: Redis, insured by an in-memory limiter used whenever Redis fails. */
export function redisLimiterFactory(points: number, prefix: string) {
  const client = shared.value!.client;
  return new RateLimiterRedis({
    storeClient: client,
    points,
    duration: 60,
    keyPrefix: prefix,
    insuranceLimiter: new RateLimiterMemory({ points, duration: 60, keyPrefix: `${prefix}:local` }),
  });
}

export async function stopRedis(): Promise<void> {
  const s = shared.value;
  if (!s) return;
  shared.value = null;
  // Closing on purpose is not an outage: the close events that follow must not log one.
  s.state = "disabled";
  s.subscriber.disconnect();
  // quit() waits for replies still owed (a publish made just before), disconnect() does not.
  await Promise.race([s.client.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
  s.client.disconnect();
}
