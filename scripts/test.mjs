// `npm test`: every suite, in the order that fails fastest: types, unit, build, integration (real
// server + local upstream over HTTP), end to end (Chromium against the production build).
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["types", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]],
  ["unit", ["node_modules/vitest/vitest.mjs", "run"]],
  ["build", ["scripts/build.mjs"]],
  ["integration", ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.integration.config.ts"]],
  ["e2e", ["node_modules/@playwright/test/cli.js", "test"]],
];
const only = process.argv.slice(2);
for (const [name, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
