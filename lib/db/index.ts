import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/postgres/client";
import { env } from "@/lib/env";
import { createAdapterFactory } from "./adapter";

export type { Prisma } from "@/generated/prisma/client";

const globalForDb = globalThis as unknown as { __db?: PrismaClient; __dbReady?: Promise<void> };

function createClient(): PrismaClient {
  const { DATABASE_URL, databaseProvider } = env();
  const adapter = createAdapterFactory(DATABASE_URL);
  if (databaseProvider === "sqlite") return new PrismaClient({ adapter });
  // Both clients are generated from the same models.prisma (prisma/{sqlite,postgres}), so their
  // model APIs are identical; only the provider's query compiler differs. The code is typed
  // against the SQLite client.
  return new PostgresClient({ adapter }) as unknown as PrismaClient;
}

// One client per process, shared by the custom server, Next's route handlers and the CLI: the
// custom server and Next's bundle load this module separately, so the instance lives on globalThis.
export const db: PrismaClient = (globalForDb.__db ??= createClient());

/** Settings that matter when several writers (usage writer, requests, CLI) share a SQLite file. */
export function prepareDatabase(): Promise<void> {
  globalForDb.__dbReady ??= (async () => {
    if (env().databaseProvider !== "sqlite") return;
    // WAL lets readers run beside the one writer; it is a property of the file, set once.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
  })();
  return globalForDb.__dbReady;
}
