// One usage batch as one database transaction, in plain SQL for SQLite and PostgreSQL. Runs on the
// usage writer's worker thread (usage-worker.ts), so it imports no Prisma, no env and no
// "server-only": only the driver behind `SqlConn`. Prisma cost ~0.4 ms of event-loop CPU per
// record here (createMany), and SQLite's driver is synchronous: both stalled every request.
import { randomUUID } from "node:crypto";
import { sqliteDate, type Dialect, type SqlConn, type SqlTx } from "../db/connect";
import type { UsageRecord } from "./types";

const HOUR_MS = 3_600_000;

interface Rollup {
  hour: Date;
  r: UsageRecord;
  requests: number;
  errors: number;
  prompt: bigint;
  completion: bigint;
  cost: bigint;
  quota: bigint;
  latency: bigint;
}
type Sum = { cost: bigint; quota: bigint; last: Date };

/**
 * Inserts the raw rows, bumps the hourly rollups, and moves balances, key usage, subscription
 * cycles and the ledger by exactly the logged amounts, all or nothing.
 */
export async function writeBatch(conn: SqlConn, batch: UsageRecord[]): Promise<void> {
  await conn.transaction(async (tx) => {
    // Idempotent per record: a batch whose commit went unacknowledged (the thread died after it)
    // comes back, perhaps with newer records; what is already written is skipped, not charged again.
    const ids = JSON.stringify(batch.map((r) => r.requestId));
    const written = new Set((await tx.run(conn.dialect === "sqlite" ? WRITTEN_SQLITE : WRITTEN_PG, [ids])).map((row) => row.requestId as string));
    const fresh = written.size ? batch.filter((r) => !written.has(r.requestId)) : batch;
    if (fresh.length) await writeRecords(tx, conn.dialect, fresh);
  });
}

const WRITTEN_SQLITE = `SELECT "requestId" FROM "UsageLog" WHERE "requestId" IN (SELECT value FROM json_each($1))`;
const WRITTEN_PG = `SELECT "requestId" FROM "UsageLog" WHERE "requestId" IN (SELECT json_array_elements_text($1::json))`;

async function writeRecords(tx: SqlTx, dialect: Dialect, batch: UsageRecord[]): Promise<void> {
  const rollups = new Map<string, Rollup>();
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

  const now = new Date();
  // The rows travel as one JSON parameter, unpacked by the database: one statement per batch.
  await tx.run(dialect === "sqlite" ? INSERT_LOGS_SQLITE : INSERT_LOGS_PG, [usageLogJson(batch, dialect)]);
  for (const g of rollups.values()) {
    await tx.run(UPSERT_ROLLUP, [
      randomUUID(), g.r.userId, g.hour, g.r.keyId, g.r.model, g.r.endpoint,
      g.requests, g.errors, g.prompt, g.completion, g.cost, g.quota, g.latency,
    ]);
  }
  for (const [id, k] of keys) {
    await tx.run(`UPDATE "ApiKey" SET "quotaUsed" = "quotaUsed" + $1, "lastUsedAt" = $2, "updatedAt" = $3 WHERE "id" = $4`, [k.cost, k.last, now, id]);
  }
  for (const [id, s] of subs) {
    await tx.run(`UPDATE "Subscription" SET "cycleUsed" = "cycleUsed" + $1, "paygUsed" = "paygUsed" + $2, "updatedAt" = $3 WHERE "id" = $4`, [s.quota, s.cost, now, id]);
  }
  for (const [userId, cost] of users) {
    const [u] = await tx.run(`UPDATE "User" SET "balance" = "balance" - $1, "updatedAt" = $2 WHERE "id" = $3 RETURNING "balance"`, [cost, now, userId]);
    if (!u) throw new Error(`usage for a user that does not exist: ${userId}`);
    await tx.run(
      `INSERT INTO "LedgerEntry" ("id", "userId", "amount", "balanceAfter", "kind", "note", "createdAt") VALUES ($1, $2, $3, $4, 'USAGE', 'API usage', $5)`,
      [randomUUID(), userId, -cost, BigInt(u.balance as bigint | string), now],
    );
  }
}

const UPSERT_ROLLUP = `INSERT INTO "UsageRollup"
  ("id", "userId", "hour", "keyId", "model", "endpoint", "requests", "errors", "promptTokens", "completionTokens", "cost", "quotaCost", "latencyMsSum")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT ("userId", "hour", "keyId", "model", "endpoint") DO UPDATE SET
  ${["requests", "errors", "promptTokens", "completionTokens", "cost", "quotaCost", "latencyMsSum"].map((c) => `"${c}" = "UsageRollup"."${c}" + excluded."${c}"`).join(", ")}`;

// UsageLog's columns in the order each JSON row lists them, with the type PostgreSQL casts each to.
const COLUMNS: ReadonlyArray<readonly [name: string, pgType: string]> = [
  ["id", "text"], ["requestId", "text"], ["createdAt", "timestamp(3)"], ["userId", "text"], ["keyId", "text"],
  ["model", "text"], ["endpoint", "text"], ["source", "text"], ["status", "integer"], ["errorCode", "text"],
  ["promptTokens", "integer"], ["completionTokens", "integer"], ["totalTokens", "integer"], ["cost", "bigint"],
  ["quotaCost", "bigint"], ["latencyMs", "integer"], ["ttfbMs", "integer"], ["stream", "boolean"],
  ["upstreamRequestId", "text"], ["clientIp", "text"],
];
const COLUMN_LIST = COLUMNS.map(([name]) => `"${name}"`).join(", ");
// Money columns arrive as text; SQLite stores them as integers by the columns' INTEGER affinity.
const INSERT_LOGS_SQLITE = `INSERT INTO "UsageLog" (${COLUMN_LIST}) SELECT ${COLUMNS.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each($1)`;
const INSERT_LOGS_PG = `INSERT INTO "UsageLog" (${COLUMN_LIST}) SELECT ${COLUMNS.map(([, type], i) => `(v ->> ${i})::${type}`).join(", ")} FROM json_array_elements($1::json) AS t(v)`;

// Column names are the Prisma field names (no @map in models.prisma). Rows are arrays, not objects,
// to keep the JSON small.
function usageLogJson(rows: UsageRecord[], dialect: Dialect): string {
  const sqlite = dialect === "sqlite";
  return JSON.stringify(
    rows.map((r) => [
      randomUUID(),
      r.requestId,
      sqlite ? sqliteDate(r.createdAt) : r.createdAt.toISOString(),
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
      sqlite ? (r.stream ? 1 : 0) : r.stream,
      r.upstreamRequestId,
      r.clientIp,
    ]),
  );
}
