// `npm test`: every suite, in the order that fails fastest: types, unit, build, integration (real
// server + local upstream over HTTP) on SQLite and on PostgreSQL, end to end (Chromium against the
// production build). `npm test -- unit e2e` runs only the named stages.
import { spawnSync } from "node:child_process";
import net from "node:net";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const pgUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(1000);
    socket.on("connect", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const vitest = "node_modules/vitest/vitest.mjs";
const steps = [
  ["types", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]],
  ["unit", [vitest, "run"]],
  ["build", ["scripts/build.mjs"]],
  ["integration", [vitest, "run", "--config", "vitest.integration.config.ts"], { TEST_DATABASE_URL: "" }],
  ["integration-pg", [vitest, "run", "--config", "vitest.integration.config.ts"], { TEST_DATABASE_URL: pgUrl }],
  ["e2e", ["node_modules/@playwright/test/cli.js", "test"]],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, args, extra] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === "integration-pg" && !(await reachable(pgUrl))) {
    // CI always has PostgreSQL (.ci/run starts it); a laptop without one still runs the rest.
    if (process.env.CI) {
      console.error(`PostgreSQL is not reachable at ${pgUrl}`);
      process.exit(1);
    }
    console.warn(`\n=== ${name} === skipped: no PostgreSQL at ${pgUrl} (set TEST_DATABASE_URL)`);
    results.push(`${name}: skipped`);
    continue;
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
