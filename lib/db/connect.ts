// How this app connects to either database, shared by the Prisma adapter (lib/db/adapter.ts) and
// the usage writer's worker thread, which talks to the driver directly.
import type pg from "pg";

export const SQLITE_PRAGMAS = ["PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"];

/**
 * Discrete fields rather than connectionString: with a connection string the Prisma CLI's shadow
 * database replaces the main one (see STACK.md).
 */
export function pgPoolConfig(databaseUrl: string, opts: { cli?: boolean; max?: number } = {}): pg.PoolConfig {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
    max: opts.max ?? Number(u.searchParams.get("connection_limit") ?? 20),
    // The CLI must exit promptly: idle connections would keep it alive for seconds.
    idleTimeoutMillis: opts.cli ? 300 : 10_000,
    // Idle connections do not hold the process open: the operator CLI exits when its work is done
    // instead of 10 s later (the server stays up on its own listening socket).
    allowExitOnIdle: true,
    // A database that stopped answering must fail requests fast, not hang them.
    connectionTimeoutMillis: 3_000,
  };
}

export type Dialect = "sqlite" | "postgresql";
export type SqlArg = string | number | bigint | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

/** A transaction on one connection. SQL uses $1..$n placeholders in both dialects. */
export interface SqlTx {
  run(sql: string, args?: SqlArg[]): Promise<SqlRow[]>;
}

/** A bare driver connection, for code that runs where Prisma is not loaded (a worker thread). */
export interface SqlConn {
  readonly dialect: Dialect;
  transaction(fn: (tx: SqlTx) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** How Prisma's SQLite adapter writes a DateTime, so rows written elsewhere read back alike. */
export const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

export async function openSqlConn(databaseUrl: string): Promise<SqlConn> {
  return databaseUrl.startsWith("file:") ? openSqlite(databaseUrl) : openPostgres(databaseUrl);
}

async function openSqlite(url: string): Promise<SqlConn> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url, intMode: "bigint" });
  for (const pragma of SQLITE_PRAGMAS) await client.execute(pragma);
  const toArg = (a: SqlArg) => (a instanceof Date ? sqliteDate(a) : typeof a === "boolean" ? (a ? 1 : 0) : a);
  const tx: SqlTx = {
    async run(sql, args = []) {
      // SQLite numbers its parameters ?1..?n.
      const rs = await client.execute({ sql: sql.replace(/\$(\d+)/g, "?$1"), args: args.map(toArg) });
      return rs.rows as unknown as SqlRow[];
    },
  };
  return {
    dialect: "sqlite",
    // On the client's one connection (its transaction() opens a new one per call, see adapter.ts);
    // IMMEDIATE takes the write lock up front so other writers wait on busy_timeout.
    async transaction(fn) {
      await client.execute("BEGIN IMMEDIATE");
      try {
        await fn(tx);
        await client.execute("COMMIT");
      } catch (err) {
        await client.execute("ROLLBACK").catch(() => undefined);
        throw err;
      }
    },
    async close() {
      client.close();
    },
  };
}

async function openPostgres(url: string): Promise<SqlConn> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool(pgPoolConfig(url, { max: 1 }));
  // An idle connection the server dropped is replaced on the next checkout; unheard, the error
  // would end the thread.
  pool.on("error", () => undefined);
  const toArg = (a: SqlArg) => (a instanceof Date ? a.toISOString() : typeof a === "bigint" ? a.toString() : a);
  return {
    dialect: "postgresql",
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await fn({ run: async (sql, args = []) => (await client.query(sql, args.map(toArg))).rows as SqlRow[] });
        await client.query("COMMIT");
        client.release();
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        // A connection that failed mid-transaction may be broken: drop it rather than reuse it.
        client.release(err as Error);
        throw err;
      }
    },
    close: () => pool.end(),
  };
}
