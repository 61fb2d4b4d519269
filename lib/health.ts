import "server-only";
import { db } from "@/lib/db";
import { statementsSent } from "@/lib/db/adapter";
import { env } from "@/lib/env";
import { getGateway } from "@/lib/gateway/core";
import { redisState, type RedisState } from "@/lib/limits/redis";

export interface Health {
  /** False only when the console cannot serve: the database is unreachable. */
  ok: boolean;
  database: "ok" | "unreachable";
  /** Database statements (SQLite) or connection checkouts (PostgreSQL) made by this process so far. */
  databaseCalls: number;
  /** "disabled": single process; "down": limits fell back to this process's own counters. */
  redis: RedisState;
  limits: "shared" | "per-process";
  usage: { buffered: number; max: number; writing: "ok" | "retrying" };
  upstream: { mode: "simulated" | "apertis"; baseUrl: string };
}

export async function checkHealth(): Promise<Health> {
  const e = env();
  let database: Health["database"] = "ok";
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    database = "unreachable";
  }
  const writer = getGateway().writer;
  const redis = redisState();
  return {
    ok: database === "ok",
    database,
    databaseCalls: statementsSent(),
    redis,
    limits: redis === "ok" ? "shared" : "per-process",
    usage: { buffered: writer.buffered, max: writer.maxBuffered, writing: writer.healthy ? "ok" : "retrying" },
    // The upstream's credential never leaves the server; its origin is fine to show.
    upstream: { mode: e.simulated ? "simulated" : "apertis", baseUrl: e.simulated ? e.APERTIS_BASE_URL : new URL(e.APERTIS_BASE_URL).origin },
  };
}
