import "server-only";
import { BlockList, isIP } from "node:net";
import { db } from "@/lib/db";
import { on } from "@/lib/events";
import { ApiError } from "@/lib/errors";
import { budgetPeriodStart } from "@/lib/billing/cycles";
import { tierRank, type Tier } from "@/lib/catalog/models";
import { formatUsd } from "@/lib/money";
import { redisClient } from "@/lib/limits/redis";
import { log } from "@/lib/log";
import { Mutex } from "./mutex";
import { adjustShared, forgetShared, reserveShared, type SharedCounter } from "./shared-quota";
import type { CatalogCache } from "./catalog";
import type { KeyRecord, PlanRecord, PriceRecord, UsageRecord } from "./types";

/**
 * The gateway's in-memory view of keys, users and subscriptions. Each money counter is
 * `db` (last value read or written), `pending` (settled, not yet flushed by the usage writer) and
 * `reserved` (held by requests in flight). A reservation is a synchronous check-and-add, so in one
 * process parallel requests cannot overspend; the usage writer moves pending into db after each
 * committed flush. Reloads and flushes share one mutex so a reload never double counts.
 */

interface Counter {
  db: bigint;
  pending: bigint;
  reserved: bigint;
}
const counter = (db: bigint): Counter => ({ db, pending: 0n, reserved: 0n });
const spent = (c: Counter) => c.db + c.pending + c.reserved;

interface SubscriptionState {
  id: string;
  status: string;
  plan: PlanRecord;
  cycleStart: number;
  cycleEnd: number;
  cycleQuota: bigint;
  cycle: Counter; // milli plan-requests used this cycle
  paygFallback: boolean;
  paygCap: bigint | null;
  payg: Counter; // micro-USD spent through fallback this cycle
}

export interface UserState {
  id: string;
  status: string;
  balance: Counter; // micro-USD *spent* against dbBalance: db holds the balance itself, see available()
  subscription: SubscriptionState | null;
  plan: PlanRecord | null;
  stale: boolean;
}

export interface KeyState {
  record: KeyRecord;
  hash: string;
  used: Counter; // micro-USD against quotaLimit
  budget: Counter; // micro-USD spent this budget month
  budgetPeriod: number;
  ipList: BlockList | null;
  stale: boolean;
  loadedAt: number;
}

export interface Reservation {
  key: KeyState;
  user: UserState;
  /** micro-USD held against balance, key quota and budget. */
  cost: bigint;
  /** milli plan-requests held against the subscription cycle. */
  quota: bigint;
  /** True when a subscription key pays through PAYG fallback. */
  fallback: boolean;
  settled: boolean;
  /** The same hold on the Redis counters shared with other processes, when REDIS_URL is set. */
  shared?: SharedCounter[];
}

const KEY_TTL_MS = 5 * 60_000;

function parseIpList(entries: string[]): BlockList | null {
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, bits] = entry.split("/");
    const family = isIP(addr ?? "") === 6 ? "ipv6" : "ipv4";
    if (bits !== undefined) list.addSubnet(addr!, Number(bits), family);
    else list.addAddress(addr!, family);
  }
  return list;
}

function ipAllowed(list: BlockList, ip: string): boolean {
  const family = isIP(ip);
  if (!family) return false;
  return list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

export class Accounts {
  private keysByHash = new Map<string, KeyState>();
  private keysById = new Map<string, KeyState>();
  private users = new Map<string, UserState>();
  private loadingKeys = new Map<string, Promise<KeyState | null>>();
  private missing = new Map<string, number>(); // negative cache: hash -> expiry
  readonly lock = new Mutex();

  constructor(private readonly catalog: CatalogCache) {
    on("keyChanged", ({ keyId }) => {
      const k = this.keysById.get(keyId);
      if (k) k.stale = true;
      this.missing.clear();
    });
    on("userChanged", ({ userId }) => {
      const u = this.users.get(userId);
      if (u) u.stale = true;
      // A top-up, grant or plan change happened in the database: shared counters restart from it.
      const redis = redisClient();
      if (redis) void forgetShared(redis, [`q:bal:${userId}`]).catch(() => undefined);
    });
  }

  /** Resolves a secret's hash (or, for the playground, a key id) to fresh key and user state. */
  async resolve(by: { hash: string } | { keyId: string }): Promise<{ key: KeyState; user: UserState } | null> {
    let key = "hash" in by ? this.keysByHash.get(by.hash) : this.keysById.get(by.keyId);
    if (!key || key.stale || Date.now() - key.loadedAt > KEY_TTL_MS) {
      if ("hash" in by && (this.missing.get(by.hash) ?? 0) > Date.now()) return null;
      const id = "hash" in by ? `h:${by.hash}` : `i:${by.keyId}`;
      let loading = this.loadingKeys.get(id);
      if (!loading) {
        loading = this.lock.run(() => this.loadKey(by)).finally(() => this.loadingKeys.delete(id));
        this.loadingKeys.set(id, loading);
      }
      key = (await loading) ?? undefined;
      if (!key) {
        if ("hash" in by) this.missing.set(by.hash, Date.now() + 10_000);
        return null;
      }
    }
    let user = this.users.get(key.record.userId);
    if (!user || user.stale) user = await this.lock.run(() => this.loadUser(key.record.userId));
    this.rollPeriods(key, user);
    return { key, user };
  }

  private async loadKey(by: { hash: string } | { keyId: string }): Promise<KeyState | null> {
    const row = await db.apiKey.findUnique({ where: "hash" in by ? { hash: by.hash } : { id: by.keyId } });
    if (!row) return null;
    const now = new Date();
    const periodStart = budgetPeriodStart(now, row.budgetResetDay);
    let budgetSpent = 0n;
    if (row.monthlyBudget !== null) {
      const agg = await db.usageRollup.aggregate({ where: { keyId: row.id, hour: { gte: periodStart } }, _sum: { cost: true } });
      budgetSpent = agg._sum.cost ?? 0n;
    }
    const record: KeyRecord = {
      id: row.id,
      userId: row.userId,
      kind: row.kind === "SUBSCRIPTION" ? "SUBSCRIPTION" : "STANDARD",
      status: row.status,
      purpose: row.purpose,
      expiresAt: row.expiresAt?.getTime() ?? null,
      revokedAt: row.revokedAt?.getTime() ?? null,
      quotaLimit: row.quotaLimit,
      monthlyBudget: row.monthlyBudget,
      budgetResetDay: row.budgetResetDay,
      allowedModels: new Set(JSON.parse(row.allowedModels) as string[]),
      allowedIps: JSON.parse(row.allowedIps) as string[],
      rpmLimit: row.rpmLimit,
      tpmLimit: row.tpmLimit,
      subscriptionId: row.subscriptionId,
    };
    const previous = this.keysById.get(row.id);
    const state: KeyState = {
      record,
      hash: row.hash,
      // Keep what is in flight or unflushed: a reload must not forget charges the DB lacks yet.
      used: { ...(previous?.used ?? counter(0n)), db: row.quotaUsed },
      budget:
        previous && previous.budgetPeriod === periodStart.getTime()
          ? { ...previous.budget, db: budgetSpent }
          : counter(budgetSpent),
      budgetPeriod: periodStart.getTime(),
      ipList: parseIpList(record.allowedIps),
      stale: false,
      loadedAt: Date.now(),
    };
    if (previous) this.keysByHash.delete(previous.hash);
    this.keysByHash.set(row.hash, state);
    this.keysById.set(row.id, state);
    return state;
  }

  private async loadUser(userId: string): Promise<UserState> {
    const [user, sub] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, status: true, balance: true } }),
      db.subscription.findFirst({
        where: { userId, status: { in: ["ACTIVE", "CANCELLED", "SUSPENDED"] } },
        orderBy: { createdAt: "desc" },
      }),
    ]);
    await this.catalog.ready();
    const previous = this.users.get(userId);
    const plan = sub ? (this.catalog.plan(sub.planId) ?? null) : null;
    const prevSub = previous?.subscription?.id === sub?.id ? previous?.subscription : null;
    const state: UserState = {
      id: user.id,
      status: user.status,
      balance: { ...(previous?.balance ?? counter(0n)), db: user.balance },
      plan,
      subscription:
        sub && plan
          ? {
              id: sub.id,
              status: sub.status,
              plan,
              cycleStart: sub.cycleStart.getTime(),
              cycleEnd: sub.cycleEnd.getTime(),
              cycleQuota: sub.cycleQuota,
              cycle: { ...(prevSub?.cycle ?? counter(0n)), db: sub.cycleUsed },
              paygFallback: sub.paygFallback,
              paygCap: sub.paygCap,
              payg: { ...(prevSub?.payg ?? counter(0n)), db: sub.paygUsed },
            }
          : null,
      stale: false,
    };
    this.users.set(userId, state);
    return state;
  }

  /** A budget month that has rolled over starts from zero. */
  private rollPeriods(key: KeyState, _user: UserState) {
    if (key.record.monthlyBudget === null) return;
    const start = budgetPeriodStart(new Date(), key.record.budgetResetDay).getTime();
    if (start !== key.budgetPeriod) {
      key.budgetPeriod = start;
      key.budget = { db: 0n, pending: 0n, reserved: key.budget.reserved };
    }
  }

  /** Key state, account state and per-key allowlists. Throws the Apertis error for each refusal. */
  authorize(key: KeyState, user: UserState, model: string | null, clientIp: string, now = Date.now()): void {
    const r = key.record;
    if (r.revokedAt !== null) throw new ApiError("invalid_api_key", "This API key has been revoked. Create a new key on the API keys page.");
    if (r.status !== "ACTIVE") throw new ApiError("invalid_api_key", "This API key is disabled. Enable it on the API keys page.");
    if (r.expiresAt !== null && r.expiresAt <= now) throw new ApiError("expired_api_key", "This API key has expired. Create a new key or extend its expiry.");
    if (user.status === "SUSPENDED") throw new ApiError("account_suspended", "This account is suspended. Contact the operator.");
    if (key.ipList && !ipAllowed(key.ipList, clientIp)) {
      throw new ApiError("ip_not_allowed", `Requests from ${clientIp} are not allowed for this key. Add the address to the key's IP allowlist.`);
    }
    if (model !== null && r.allowedModels.size > 0 && !r.allowedModels.has(model)) {
      throw new ApiError("model_access_denied", `This key may not use ${model}. Add it to the key's model allowlist.`, { param: "model" });
    }
  }

  /**
   * Holds `cost` (micro-USD upper estimate) and, for subscription keys, the model's plan-request
   * multiplier. Synchronous from check to add: nothing can interleave.
   */
  reserve(key: KeyState, user: UserState, price: PriceRecord, cost: bigint, now = Date.now()): Reservation {
    const r = key.record;
    if (r.kind === "SUBSCRIPTION") {
      const sub = user.subscription;
      if (!sub || sub.id !== r.subscriptionId || sub.status === "SUSPENDED" || sub.cycleEnd <= now) {
        throw new ApiError("subscription_expired", "The subscription behind this key is not active. Renew it on the billing page.");
      }
      const inPlan = (tierRank[price.tier as Tier] ?? 99) <= sub.plan.rank;
      const quota = BigInt(price.multiplier);
      if (inPlan && spent(sub.cycle) + quota <= sub.cycleQuota) {
        sub.cycle.reserved += quota;
        return { key, user, cost: 0n, quota, fallback: false, settled: false };
      }
      if (!sub.paygFallback) {
        if (!inPlan) throw new ApiError("model_access_denied", `${price.model} is not included in the ${sub.plan.name} plan. Use a standard key or enable PAYG fallback.`, { param: "model" });
        throw new ApiError("quota_exceeded", `The ${sub.plan.name} plan's cycle quota is used up. It resets at the next cycle; enable PAYG fallback on the billing page to continue now.`);
      }
      if (sub.paygCap !== null && spent(sub.payg) + cost > sub.paygCap) {
        throw new ApiError("quota_exceeded", `The PAYG fallback cap of ${formatUsd(sub.paygCap)} for this cycle is reached. Raise it on the billing page.`);
      }
      this.holdBalance(user, cost);
      sub.payg.reserved += cost;
      key.used.reserved += cost;
      return { key, user, cost, quota: 0n, fallback: true, settled: false };
    }
    if (r.quotaLimit !== null && spent(key.used) + cost > r.quotaLimit) {
      throw new ApiError("quota_exceeded", `This key's quota of ${formatUsd(r.quotaLimit)} is used up. Raise it on the API keys page.`);
    }
    if (r.monthlyBudget !== null && spent(key.budget) + cost > r.monthlyBudget) {
      throw new ApiError("quota_exceeded", `This key's monthly budget of ${formatUsd(r.monthlyBudget)} is used up. It resets on day ${r.budgetResetDay}.`);
    }
    this.holdBalance(user, cost);
    key.used.reserved += cost;
    key.budget.reserved += cost;
    return { key, user, cost, quota: 0n, fallback: false, settled: false };
  }

  private holdBalance(user: UserState, cost: bigint) {
    const available = user.balance.db - user.balance.pending - user.balance.reserved;
    if (available < cost || (cost === 0n && available <= 0n)) {
      throw new ApiError("insufficient_balance", `Insufficient balance (${formatUsd(available > 0n ? available : 0n)} left). Top up on the billing page.`);
    }
    user.balance.reserved += cost;
  }

  /** Releases the hold and records what was actually consumed (0 on failure before first byte). */
  settle(res: Reservation, actualCost: bigint): { cost: bigint; quota: bigint } {
    if (res.settled) return { cost: 0n, quota: 0n };
    res.settled = true;
    if (res.shared) this.settleShared(res.shared, res.quota > 0n ? res.quota : actualCost);
    const { key, user } = res;
    const sub = user.subscription;
    if (res.quota > 0n && sub) {
      sub.cycle.reserved -= res.quota;
      const consumed = actualCost >= 0n ? res.quota : 0n;
      sub.cycle.pending += consumed;
      return { cost: 0n, quota: consumed };
    }
    user.balance.reserved -= res.cost;
    key.used.reserved -= res.cost;
    if (res.fallback && sub) sub.payg.reserved -= res.cost;
    else key.budget.reserved -= res.cost;
    user.balance.pending += actualCost;
    key.used.pending += actualCost;
    if (res.fallback && sub) sub.payg.pending += actualCost;
    else key.budget.pending += actualCost;
    return { cost: actualCost, quota: 0n };
  }

  /** Releases a reservation that consumed nothing: the request failed before its first byte. */
  refund(res: Reservation): void {
    if (res.settled) return;
    const sub = res.user.subscription;
    if (res.quota > 0n && sub) {
      res.settled = true;
      sub.cycle.reserved -= res.quota;
      if (res.shared) this.settleShared(res.shared, 0n);
      return;
    }
    this.settle(res, 0n);
  }

  /**
   * Holds the reservation on the counters shared with other processes. Refused: the local hold
   * is released and the same error as a local refusal is thrown. Redis unreachable: the local
   * hold stands alone (per-process limits), which the health check reports.
   */
  async reserveAcrossProcesses(res: Reservation): Promise<void> {
    const redis = redisClient();
    if (!redis) return;
    const counters = this.countersFor(res);
    let refused: SharedCounter | null;
    try {
      refused = await reserveShared(redis, counters);
    } catch (err) {
      log.warn("shared quota unavailable; using this process's counters", { error: (err as Error).message });
      return;
    }
    if (!refused) {
      res.shared = counters;
      return;
    }
    this.refund(res);
    const r = res.key.record;
    if (refused.key.startsWith("q:bal:")) throw new ApiError("insufficient_balance", "Insufficient balance. Top up on the billing page.");
    if (refused.key.startsWith("q:bud:")) throw new ApiError("quota_exceeded", `This key's monthly budget of ${formatUsd(r.monthlyBudget ?? 0n)} is used up. It resets on day ${r.budgetResetDay}.`);
    if (refused.key.startsWith("q:cyc:")) throw new ApiError("quota_exceeded", "The plan's cycle quota is used up. It resets at the next cycle; enable PAYG fallback on the billing page to continue now.");
    if (refused.key.startsWith("q:pay:")) throw new ApiError("quota_exceeded", "The PAYG fallback cap for this cycle is reached. Raise it on the billing page.");
    throw new ApiError("quota_exceeded", `This key's quota of ${formatUsd(r.quotaLimit ?? 0n)} is used up. Raise it on the API keys page.`);
  }

  private countersFor(res: Reservation): SharedCounter[] {
    const { key, user } = res;
    const r = key.record;
    const sub = user.subscription;
    const out: SharedCounter[] = [];
    if (res.quota > 0n && sub) {
      out.push({ key: `q:cyc:${sub.id}:${sub.cycleEnd}`, init: sub.cycle.db + sub.cycle.pending, cost: res.quota, mode: "spent", limit: sub.cycleQuota });
      return out;
    }
    out.push({ key: `q:bal:${user.id}`, init: user.balance.db - user.balance.pending, cost: res.cost, mode: "avail", limit: null });
    if (r.quotaLimit !== null) out.push({ key: `q:key:${r.id}`, init: key.used.db + key.used.pending, cost: res.cost, mode: "spent", limit: r.quotaLimit });
    if (res.fallback && sub) {
      out.push({ key: `q:pay:${sub.id}:${sub.cycleEnd}`, init: sub.payg.db + sub.payg.pending, cost: res.cost, mode: "spent", limit: sub.paygCap });
    } else if (r.monthlyBudget !== null) {
      out.push({ key: `q:bud:${r.id}:${key.budgetPeriod}`, init: key.budget.db + key.budget.pending, cost: res.cost, mode: "spent", limit: r.monthlyBudget });
    }
    return out;
  }

  private settleShared(counters: SharedCounter[], actual: bigint): void {
    const redis = redisClient();
    if (!redis) return;
    void adjustShared(redis, counters, () => actual).catch((err: Error) => log.warn("shared quota settle failed", { error: err.message }));
  }

  /** Called by the usage writer, under the lock, after a flush committed. */
  applyFlushed(records: UsageRecord[]): void {
    for (const rec of records) {
      const key = this.keysById.get(rec.keyId);
      const user = this.users.get(rec.userId);
      if (key) {
        key.used.pending -= rec.cost;
        key.used.db += rec.cost;
        if (rec.subscriptionId === null) {
          key.budget.pending -= rec.cost;
          key.budget.db += rec.cost;
        }
      }
      if (user) {
        user.balance.pending -= rec.cost;
        user.balance.db -= rec.cost;
        const sub = user.subscription;
        if (sub && rec.subscriptionId === sub.id) {
          sub.cycle.pending -= rec.quotaCost;
          sub.cycle.db += rec.quotaCost;
          sub.payg.pending -= rec.cost;
          sub.payg.db += rec.cost;
        }
      }
    }
  }

  /** Snapshot for GET /v1/dashboard/billing/credits. */
  credits(key: KeyState, user: UserState) {
    const b = user.balance;
    return {
      balance: b.db - b.pending - b.reserved,
      /** Charged to the balance in this process and not yet written by the usage writer. */
      unwrittenUsage: b.pending,
      subscription: user.subscription,
      spentCycle: user.subscription ? spent(user.subscription.cycle) : 0n,
      budget: key.record.monthlyBudget === null ? null : { limit: key.record.monthlyBudget, spent: spent(key.budget) },
    };
  }

  /** Used by the benchmark's "no query on a warm request" check and by tests. */
  size() {
    return { keys: this.keysById.size, users: this.users.size };
  }
}
