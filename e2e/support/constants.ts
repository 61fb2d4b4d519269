// One home for the end-to-end environment: playwright.config.ts passes these to
// scripts/e2e-server.mjs, and the specs (and the CLI they run) use the same values.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT || 3311);
export const E2E_UPSTREAM_PORT = Number(process.env.E2E_UPSTREAM_PORT || 4311);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
// Playwright empties its output folder when a run starts, so a run on another port keeps its own.
export const E2E_OUTPUT_DIR = E2E_PORT === 3311 ? "test-results" : `test-results-${E2E_PORT}`;
// A .e2e* folder inside the project (e2e-server.mjs wipes it); overridable so two runs can share a checkout.
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, "..", "..", process.env.E2E_DATA_DIR || ".e2e-data");
// E2E_DATABASE_URL=postgresql://user@host:port/any runs the suite on PostgreSQL, in a database of its
// own on that server (apertis_e2e_<port>: runs on other ports never share one), which e2e-server.mjs
// drops and recreates at start; unset, on SQLite in E2E_DATA_DIR. E2E_REDIS_URL adds Redis.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ? withDatabase(process.env.E2E_DATABASE_URL, `apertis_e2e_${E2E_PORT}`) : "";
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL || "";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const ADMIN = { email: "admin@e2e.test", password: "e2e-Admin-pass-1" } as const;

/** A password the server accepts (8+ characters, a letter and a number). */
export const GOOD_PASSWORD = "correct-horse-42";

/** The environment of the e2e server and of CLI runs against its database. */
export function e2eEnv(): Record<string, string> {
  return {
    PORT: String(E2E_PORT),
    HOST: "127.0.0.1",
    DATA_DIR: E2E_DATA_DIR,
    LOCAL_UPSTREAM_PORT: String(E2E_UPSTREAM_PORT),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // The per-IP sign-in limit (20 per 20 min) would trip over a whole suite from one address;
    // the limit's message is covered by unit tests instead.
    AUTH_RATE_LIMIT: "1000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(E2E_DATABASE_URL ? { DATABASE_URL: E2E_DATABASE_URL } : {}),
    ...(E2E_REDIS_URL ? { REDIS_URL: E2E_REDIS_URL } : {}),
  };
}
