// `npm test`: every suite, in the order that fails fastest: types, unit, build, integration (real
// server + local upstream over HTTP) on SQLite and on PostgreSQL, end to end (Chromium against the
// production build) on SQLite and on PostgreSQL with Redis. `npm test -- unit e2e` runs only the
// named stages.
import { spawnSync } from "node:child_process";
import net from "node:net";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const pgUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

function reachable(url, defaultPort) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    socket.setTimeout(1000);
    socket.on("connect", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const vitest = "node_modules/vitest/vitest.mjs";
const playwright = "node_modules/@playwright/test/cli.js";
const steps = [
  ["types", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]],
  ["unit", [vitest, "run"]],
  ["build", ["scripts/build.mjs"]],
  ["integration", [vitest, "run", "--config", "vitest.integration.config.ts"], { TEST_DATABASE_URL: "" }],
  ["integration-pg", [vitest, "run", "--config", "vitest.integration.config.ts"], { TEST_DATABASE_URL: pgUrl }],
  ["e2e", [playwright, "test"], { E2E_DATABASE_URL: "", E2E_REDIS_URL: "" }],
  // The same server, in a database of its own (see e2e/support/constants.ts); Redis in its own
  // database index, so the browser also drives the shared-limits path.
  ["e2e-pg", [playwright, "test"], { E2E_DATABASE_URL: pgUrl, E2E_REDIS_URL: e2eRedisUrl() }],
];
const needsPostgres = new Set(["integration-pg", "e2e-pg"]);

function e2eRedisUrl() {
  const u = new URL(redisUrl);
  u.pathname = "/9";
  return u.toString();
}

const only = process.argv.slice(2);
const results = [];
for (const [name, args, extra] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (needsPostgres.has(name) && !(await reachable(pgUrl, 5432))) {
    // CI always has PostgreSQL (.ci/run starts it); a laptop without one still runs the rest.
    if (process.env.CI) {
      console.error(`PostgreSQL is not reachable at ${pgUrl}`);
      process.exit(1);
    }
    console.warn(`\n=== ${name} === skipped: no PostgreSQL at ${pgUrl} (set TEST_DATABASE_URL)`);
    results.push(`${name}: skipped`);
    continue;
  }
  if (extra?.E2E_REDIS_URL && !(await reachable(redisUrl, 6379))) {
    // Without Redis the console runs on per-process limits; CI has Redis, so it is required there.
    if (process.env.CI) {
      console.error(`Redis is not reachable at ${redisUrl}`);
      process.exit(1);
    }
    console.warn(`${name}: no Redis at ${redisUrl} (set TEST_REDIS_URL); running without it`);
    extra.E2E_REDIS_URL = "";
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...env, ...extra } });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    process.exit(r.status || 1);
  }
  results.push(`${name}: ok (${secs} s)`);
}
console.log(`\n${results.join("\n")}`);
