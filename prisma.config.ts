import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveEnv } from "./lib/env";
import { createAdapterFactory } from "./lib/db/adapter";

// The CLI reads no .env when this file exists; lib/env gives it the same defaults as the server.
const env = resolveEnv();
process.env.DATABASE_URL = env.DATABASE_URL; // the schema's datasource reads it
const folder = env.databaseProvider === "sqlite" ? "sqlite" : "postgres";

if (folder === "postgres") {
  // The CLI leaves long timers behind once done (10-60 s before it exits, see STACK.md): unref them.
  const schedule = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const timer = schedule(fn, ms, ...rest);
    if ((ms ?? 0) >= 10_000) timer.unref();
    return timer;
  }) as typeof setTimeout;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", folder),
  migrations: { path: path.join("prisma", folder, "migrations") },
  adapter: async () => createAdapterFactory(env.DATABASE_URL, { cli: true }),
});
