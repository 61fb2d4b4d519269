// Builds the Prisma driver adapter for a DATABASE_URL. Shared by the app and the Prisma CLI config,
// so both talk to the same database through the same driver.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

export function createAdapterFactory(databaseUrl: string) {
  if (databaseUrl.startsWith("file:")) return new PrismaLibSQL({ url: databaseUrl });
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
