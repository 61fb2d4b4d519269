import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { createAdapterFactory } from "./adapter";

export type { Prisma } from "@/generated/prisma/client";

const globalForDb = globalThis as unknown as { __db?: PrismaClient; __dbReady?: Promise<void> };

function createClient(): PrismaClient {
  const { DATABASE_URL } = env();
  return new PrismaClient({ adapter: createAdapterFactory(DATABASE_URL) });
}

// One client per process, shared by the custom server, Next's route handlers and the CLI: the
// custom server and Next's bundle load this module separately, so the instance lives on globalThis.
export const db: PrismaClient = (globalForDb.__db ??= createClient());

/** SQLite settings that matter when several writers (batched usage writer, requests, CLI) share a file. */
export function prepareDatabase(): Promise<void> {
  globalForDb.__dbReady ??= (async () => {
    if (env().databaseProvider !== "sqlite") return;
    // WAL lets readers run beside the one writer; it is a property of the file, set once.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
  })();
  return globalForDb.__dbReady;
}
