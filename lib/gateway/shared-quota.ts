import "server-only";
import type { Redis } from "ioredis";

/**
 * Quota counters shared by every console process through Redis. Each counter is created from the
 * database's value the first time a process needs it, then moves only by reservations and
 * settlements (a flush to the database does not change what was spent). A Lua script checks every
 * counter of a request and applies all of them or none: atomic across processes.
 */
export interface SharedCounter {
  key: string;
  /** Value to start from when Redis does not have the counter yet. */
  init: bigint;
  cost: bigint;
  /** "spent" counts up to `limit` (null = no limit); "avail" counts down and must stay >= 0. */
  mode: "spent" | "avail";
  limit: bigint | null;
}

const TTL_SECONDS = 3600;

const RESERVE = `
for i = 1, #KEYS do
  local b = (i - 1) * 4
  redis.call('SET', KEYS[i], ARGV[b + 1], 'NX', 'EX', ${TTL_SECONDS})
  local v = tonumber(redis.call('GET', KEYS[i]))
  local cost = tonumber(ARGV[b + 2])
  local limit = ARGV[b + 3]
  if ARGV[b + 4] == 'spent' then
    if limit ~= '' and v + cost > tonumber(limit) then return i end
  elseif v - cost < 0 or (cost == 0 and v <= 0) then
    return i
  end
end
for i = 1, #KEYS do
  local b = (i - 1) * 4
  local cost = tonumber(ARGV[b + 2])
  if ARGV[b + 4] == 'spent' then redis.call('INCRBY', KEYS[i], cost) else redis.call('DECRBY', KEYS[i], cost) end
  redis.call('EXPIRE', KEYS[i], ${TTL_SECONDS})
end
return 0`;

// Settles a reservation: moves each existing counter by (actual - reserved); a counter that has
// expired meanwhile is left to be re-read from the database.
const ADJUST = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local d = tonumber(ARGV[(i - 1) * 2 + 1])
    if ARGV[(i - 1) * 2 + 2] == 'spent' then redis.call('INCRBY', KEYS[i], d) else redis.call('DECRBY', KEYS[i], d) end
  end
end
return 0`;

/** Returns the counter that refused, or null when all were reserved. */
export async function reserveShared(redis: Redis, counters: SharedCounter[]): Promise<SharedCounter | null> {
  if (!counters.length) return null;
  const args = counters.flatMap((c) => [c.init.toString(), c.cost.toString(), c.limit === null ? "" : c.limit.toString(), c.mode]);
  const refused = (await redis.eval(RESERVE, counters.length, ...counters.map((c) => c.key), ...args)) as number;
  return refused === 0 ? null : counters[refused - 1]!;
}

/** Moves each counter from what was reserved to what was consumed (`actual(c)`). */
export async function adjustShared(redis: Redis, counters: SharedCounter[], actual: (c: SharedCounter) => bigint): Promise<void> {
  const moved = counters.map((c) => ({ c, d: actual(c) - c.cost })).filter((m) => m.d !== 0n);
  if (!moved.length) return;
  await redis.eval(ADJUST, moved.length, ...moved.map((m) => m.c.key), ...moved.flatMap((m) => [m.d.toString(), m.c.mode]));
}

export async function forgetShared(redis: Redis, keys: string[]): Promise<void> {
  if (keys.length) await redis.del(...keys);
}
