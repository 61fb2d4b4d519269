// The server Playwright tests run against (playwright.config.ts `webServer`, run with tsx): a
// production build, a fresh database (SQLite in .e2e-data/, or with E2E_DATABASE_URL a PostgreSQL
// database of its own), the bundled local upstream (no APERTIS_API_KEY), fixed admin.
// Builds first when the dist dir (NEXT_DIST_DIR, default .next) holds no complete build.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_DATABASE_URL, E2E_REDIS_URL } from "../e2e/support/constants.ts";
import { freshDatabase } from "../tests/support/postgres.ts";
import { builtServer, distDir, serverArgs } from "./server-bundle.mjs";

const root = process.cwd();
const dataDir = path.resolve(root, process.env.DATA_DIR || ".e2e-data");
const dist = distDir();

// Refuse to wipe anything but a dedicated test folder inside the checkout.
if (!path.basename(dataDir).startsWith(".e2e") || !dataDir.startsWith(root + path.sep)) {
  console.error(`e2e-server: refusing to wipe DATA_DIR=${dataDir} (must be a .e2e* folder inside the project)`);
  process.exit(1);
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: dist,
  DATA_DIR: dataDir,
  PORT: process.env.PORT || "3311",
  HOST: process.env.HOST || "127.0.0.1",
  LOCAL_UPSTREAM_PORT: process.env.LOCAL_UPSTREAM_PORT || "4311",
  ADMIN_EMAIL: process.env.ADMIN_EMAIL || "admin@e2e.test",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || "e2e-Admin-pass-1",
  AUTH_RATE_LIMIT: process.env.AUTH_RATE_LIMIT || "1000",
};
// Offline and deterministic: always the local upstream, secrets generated in DATA_DIR, and the
// shell's own database and Redis never used: SQLite in DATA_DIR unless the run asks for PostgreSQL.
for (const name of ["APERTIS_API_KEY", "APERTIS_BASE_URL", "DATABASE_URL", "AUTH_SECRET", "KEY_PEPPER", "PUBLIC_BASE_URL", "REDIS_URL", "GITHUB_ID", "GITHUB_SECRET", "AUTH_URL", "NEXTAUTH_URL"]) {
  delete env[name];
}
if (E2E_DATABASE_URL) env.DATABASE_URL = E2E_DATABASE_URL;
if (E2E_REDIS_URL) env.REDIS_URL = E2E_REDIS_URL;

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
if (E2E_DATABASE_URL) {
  await freshDatabase(E2E_DATABASE_URL, new URL(E2E_DATABASE_URL).pathname.slice(1));
  console.log(`e2e-server: PostgreSQL ${E2E_DATABASE_URL}${E2E_REDIS_URL ? `, Redis ${E2E_REDIS_URL}` : ""}`);
}

if (!existsSync(path.join(root, builtServer(dist)))) {
  console.log(`e2e-server: no build in ${dist}, building...`);
  run(["scripts/build.mjs"]);
}
run(["scripts/db.mjs", "deploy"]);

const child = spawn(process.execPath, serverArgs(dist), { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
