// Builds the Prisma driver adapter for a DATABASE_URL. Shared by the app and the Prisma CLI config,
// so both talk to the same database through the same driver.
import type { Client, Config, InStatement, ResultSet, Transaction } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { processSingleton } from "../shared-state";
import { pgPoolConfig, SQLITE_PRAGMAS } from "./connect";

/**
 * Statements this process sent outside transactions (the usage writer's batches are transactions),
 * shown in /api/health: the benchmark reads it around a warm burst to prove that the /v1 hot path
 * makes no database round trip.
 */
const counter = processSingleton("db-statements", () => ({ n: 0 }));
export const statementsSent = () => counter.n;

/**
 * @libsql/client hands its connection to each transaction and opens a fresh one for what follows,
 * and never closes the one it handed over: under load that leaked a connection (two open files and
 * its page cache) per usage flush, and lost per-connection settings such as busy_timeout. The
 * Prisma adapter already holds a process-wide lock for the length of a transaction, so running the
 * transaction on the client's one connection is safe; BEGIN IMMEDIATE takes the write lock up front
 * so a second process (the CLI) waits on busy_timeout instead of failing mid-transaction.
 */
class PrismaLibSQLOneConnection extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const execute = client.execute.bind(client) as (stmt: InStatement) => Promise<ResultSet>;
    void (async () => {
      for (const pragma of SQLITE_PRAGMAS) await execute(pragma);
    })();
    (client as unknown as { execute: typeof execute }).execute = (stmt) => {
      counter.n++;
      return execute(stmt);
    };
    client.transaction = async () => {
      await execute("BEGIN IMMEDIATE");
      let open = true;
      const end = async (sql: "COMMIT" | "ROLLBACK") => {
        if (!open) return;
        open = false;
        await execute(sql);
      };
      const tx = {
        execute,
        commit: () => end("COMMIT"),
        rollback: () => end("ROLLBACK").catch(() => undefined),
        close: () => void end("ROLLBACK").catch(() => undefined),
        get closed() {
          return !open;
        },
      };
      // The adapter uses execute, commit, rollback and close only.
      return tx as unknown as Transaction;
    };
    return client;
  }
}

// PostgreSQL catalog types the Prisma schema engine cannot read through adapter-pg
// (prisma/orm#27403): name, "char", int2vector, pg_node_tree and two regtype-likes. Text is exact.
const CATALOG_OIDS = new Set([18, 19, 24, 194, 2205, 2206]);
const TEXT_OID = 25;

type QueryFn = (...args: unknown[]) => unknown;

/** Used by the Prisma CLI only (migrate reads catalog tables); the app never queries them. */
function relabelCatalogTypes(queryable: pg.Pool | pg.PoolClient): void {
  // One cast, in one place: pg's overloaded query() signature cannot be wrapped type-safely.
  const target = queryable as unknown as { query: QueryFn };
  const original = target.query.bind(queryable) as QueryFn;
  target.query = (...args: unknown[]) => {
    const result = original(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((r: { fields?: Array<{ dataTypeID: number }> }) => {
      for (const f of r?.fields ?? []) if (CATALOG_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
      return r;
    });
  };
}

export function createAdapterFactory(databaseUrl: string, opts: { cli?: boolean } = {}) {
  if (databaseUrl.startsWith("file:")) return new PrismaLibSQLOneConnection({ url: databaseUrl });
  const pool = new pg.Pool(pgPoolConfig(databaseUrl, opts));
  if (opts.cli) {
    relabelCatalogTypes(pool);
    pool.on("connect", relabelCatalogTypes);
  }
  const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
  (pool as unknown as { query: typeof query }).query = (...args: unknown[]) => {
    counter.n++;
    return query(...args);
  };
  return new PrismaPg(pool);
}
