import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Accounts } from "./accounts";
import type { UsageRecord } from "./types";

const BATCH = 500;
const HOUR_MS = 3_600_000;

/**
 * Writes usage off the request path: every flush interval or 500 records, one transaction inserts
 * the raw rows, bumps the hourly rollups, and moves balances, key usage, subscription cycles and
 * the ledger by exactly the logged amounts. A failed flush keeps its records for the next try.
 */
export class UsageWriter {
  private queue: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly accounts: Accounts,
    private readonly intervalMs: number,
    readonly maxBuffered: number,
  ) {}

  get buffered(): number {
    return this.queue.length;
  }

  get healthy(): boolean {
    return this.failures === 0;
  }

  push(record: UsageRecord): void {
    this.queue.push(record);
    if (this.queue.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.queue.length === 0) return Promise.resolve();
    this.flushing = this.accounts.lock
      .run(async () => {
        const batch = this.queue.splice(0, 5000);
        try {
          await writeBatch(batch);
          this.accounts.applyFlushed(batch);
          this.failures = 0;
        } catch (err) {
          this.queue.unshift(...batch);
          this.failures++;
          log.error("usage flush failed; will retry", { records: batch.length, err });
        }
      })
      .finally(() => {
        this.flushing = null;
        if (this.queue.length && !this.timer) {
          // Back off while the database is failing, up to 10 s.
          const delay = this.failures ? Math.min(10_000, this.intervalMs * 2 ** this.failures) : 0;
          this.timer = setTimeout(() => {
            this.timer = null;
            void this.flush();
          }, delay);
          this.timer.unref();
        }
      });
    return this.flushing;
  }

  /** Flushes everything, retrying for up to `ms`; used by graceful shutdown. */
  async close(ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.queue.length && Date.now() < deadline) {
      await this.flush();
      if (this.queue.length && this.failures) await new Promise((r) => setTimeout(r, 250));
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length) log.error("usage records lost at shutdown", { records: this.queue.length });
  }
}

type Sum = { cost: bigint; quota: bigint; last: Date };

async function writeBatch(batch: UsageRecord[]): Promise<void> {
  const rollups = new Map<string, { hour: Date; r: UsageRecord; requests: number; errors: number; prompt: bigint; completion: bigint; cost: bigint; quota: bigint; latency: bigint }>();
  const keys = new Map<string, Sum>();
  const users = new Map<string, bigint>();
  const subs = new Map<string, Sum>();
  for (const r of batch) {
    const hour = new Date(Math.floor(r.createdAt.getTime() / HOUR_MS) * HOUR_MS);
    const id = `${r.userId}|${hour.getTime()}|${r.keyId}|${r.model}|${r.endpoint}`;
    const g = rollups.get(id) ?? { hour, r, requests: 0, errors: 0, prompt: 0n, completion: 0n, cost: 0n, quota: 0n, latency: 0n };
    g.requests++;
    if (r.status >= 400 || r.errorCode) g.errors++;
    g.prompt += BigInt(r.promptTokens);
    g.completion += BigInt(r.completionTokens);
    g.cost += r.cost;
    g.quota += r.quotaCost;
    g.latency += BigInt(r.latencyMs);
    rollups.set(id, g);
    const k = keys.get(r.keyId) ?? { cost: 0n, quota: 0n, last: r.createdAt };
    k.cost += r.cost;
    if (r.createdAt > k.last) k.last = r.createdAt;
    keys.set(r.keyId, k);
    if (r.cost > 0n) users.set(r.userId, (users.get(r.userId) ?? 0n) + r.cost);
    if (r.subscriptionId) {
      const s = subs.get(r.subscriptionId) ?? { cost: 0n, quota: 0n, last: r.createdAt };
      s.cost += r.cost;
      s.quota += r.quotaCost;
      subs.set(r.subscriptionId, s);
    }
  }

  await db.$transaction(
    async (tx) => {
      // One raw INSERT whose rows travel as a single JSON parameter, unpacked by the database
      // (json_each / json_to_recordset). createMany cost ~0.4 ms of event-loop CPU per record in
      // Prisma's query compiler, stalling every request behind a 500-row flush; so did a multi-row
      // INSERT with 20 bound parameters a row. One string parameter keeps the compiler's share flat.
      await tx.$executeRaw(insertUsageLogs(batch, env().databaseProvider));
      for (const g of rollups.values()) {
        await tx.usageRollup.upsert({
          where: { userId_hour_keyId_model_endpoint: { userId: g.r.userId, hour: g.hour, keyId: g.r.keyId, model: g.r.model, endpoint: g.r.endpoint } },
          create: {
            userId: g.r.userId, hour: g.hour, keyId: g.r.keyId, model: g.r.model, endpoint: g.r.endpoint,
            requests: g.requests, errors: g.errors, promptTokens: g.prompt, completionTokens: g.completion,
            cost: g.cost, quotaCost: g.quota, latencyMsSum: g.latency,
          },
          update: {
            requests: { increment: g.requests }, errors: { increment: g.errors },
            promptTokens: { increment: g.prompt }, completionTokens: { increment: g.completion },
            cost: { increment: g.cost }, quotaCost: { increment: g.quota }, latencyMsSum: { increment: g.latency },
          },
        });
      }
      for (const [id, k] of keys) {
        await tx.apiKey.update({ where: { id }, data: { quotaUsed: { increment: k.cost }, lastUsedAt: k.last } });
      }
      for (const [id, s] of subs) {
        await tx.subscription.update({ where: { id }, data: { cycleUsed: { increment: s.quota }, paygUsed: { increment: s.cost } } });
      }
      for (const [userId, cost] of users) {
        const u = await tx.user.update({ where: { id: userId }, data: { balance: { decrement: cost } }, select: { balance: true } });
        await tx.ledgerEntry.create({ data: { userId, amount: -cost, balanceAfter: u.balance, kind: "USAGE", note: "API usage" } });
      }
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

// UsageLog's columns in the order each JSON row lists them, with the type PostgreSQL casts each to.
const COLUMNS: ReadonlyArray<readonly [name: string, pgType: string]> = [
  ["id", "text"], ["requestId", "text"], ["createdAt", "timestamp(3)"], ["userId", "text"], ["keyId", "text"],
  ["model", "text"], ["endpoint", "text"], ["source", "text"], ["status", "integer"], ["errorCode", "text"],
  ["promptTokens", "integer"], ["completionTokens", "integer"], ["totalTokens", "integer"], ["cost", "bigint"],
  ["quotaCost", "bigint"], ["latencyMs", "integer"], ["ttfbMs", "integer"], ["stream", "boolean"],
  ["upstreamRequestId", "text"], ["clientIp", "text"],
];
const COLUMN_LIST = Prisma.raw(COLUMNS.map(([name]) => `"${name}"`).join(", "));
// Money columns arrive as text; SQLite stores them as integers by the columns' INTEGER affinity.
const SQLITE_VALUES = Prisma.raw(COLUMNS.map((_, i) => `value ->> ${i}`).join(", "));
const PG_VALUES = Prisma.raw(COLUMNS.map(([, type], i) => `(v ->> ${i})::${type}`).join(", "));

// Column names are the Prisma field names (no @map in models.prisma). Rows are arrays, not objects,
// to keep the JSON small; dates in the form Prisma's SQLite adapter writes, so both read alike.
function insertUsageLogs(rows: UsageRecord[], provider: "sqlite" | "postgresql"): Prisma.Sql {
  const data = JSON.stringify(
    rows.map((r) => [
      randomUUID(),
      r.requestId,
      provider === "sqlite" ? r.createdAt.toISOString().replace("Z", "+00:00") : r.createdAt.toISOString(),
      r.userId,
      r.keyId,
      r.model,
      r.endpoint,
      r.source,
      r.status,
      r.errorCode,
      r.promptTokens,
      r.completionTokens,
      r.promptTokens + r.completionTokens,
      r.cost.toString(),
      r.quotaCost.toString(),
      r.latencyMs,
      r.ttfbMs,
      provider === "sqlite" ? (r.stream ? 1 : 0) : r.stream,
      r.upstreamRequestId,
      r.clientIp,
    ]),
  );
  return provider === "sqlite"
    ? Prisma.sql`INSERT INTO "UsageLog" (${COLUMN_LIST}) SELECT ${SQLITE_VALUES} FROM json_each(${data})`
    : Prisma.sql`INSERT INTO "UsageLog" (${COLUMN_LIST}) SELECT ${PG_VALUES} FROM json_array_elements(${data}::json) AS t(v)`;
}
