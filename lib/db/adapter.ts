// Builds the Prisma driver adapter for a DATABASE_URL. Shared by the app and the Prisma CLI config,
// so both talk to the same database through the same driver.
import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

const SQLITE_PRAGMAS = ["PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"];

/**
 * @libsql/client hands its connection to each transaction and opens a fresh one for what follows,
 * so per-connection settings (busy_timeout above all: without it a second process writing makes
 * SQLITE_BUSY fail at once) must be applied to every new connection, not once at start.
 */
class PrismaLibSQLWithPragmas extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const configure = async () => {
      for (const pragma of SQLITE_PRAGMAS) await client.execute(pragma);
    };
    void configure();
    const transaction = client.transaction.bind(client);
    client.transaction = async (mode?: TransactionMode) => {
      const tx = await transaction(mode);
      await configure();
      return tx;
    };
    return client;
  }
}

export function createAdapterFactory(databaseUrl: string) {
  if (databaseUrl.startsWith("file:")) return new PrismaLibSQLWithPragmas({ url: databaseUrl });
  // Discrete fields rather than connectionString: with a connection string the CLI's shadow
  // database replaces the main one (see STACK.md).
  const u = new URL(databaseUrl);
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
    max: Number(u.searchParams.get("connection_limit") ?? 10),
    idleTimeoutMillis: 10_000,
  });
}
