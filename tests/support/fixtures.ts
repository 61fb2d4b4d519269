// Test fixtures written straight into the console's database (the same SQLite file the server
// uses), through the same lib verbs the console uses: users, keys, balances.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

let loaded: Promise<typeof import("./fixtures-impl")> | undefined;

export function fixtures() {
  loaded ??= (() => {
    process.env.DATA_DIR = inject("dataDir");
    process.env.DATABASE_URL = inject("databaseUrl");
    process.env.APERTIS_API_KEY = "";
    process.env.LOG_LEVEL = "warn";
    return import("./fixtures-impl");
  })();
  return loaded;
}

export const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@test.local`;
