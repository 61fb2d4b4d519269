// Prisma CLI wrapper. `generate` builds both clients (generated/prisma for SQLite, the types the
// code is written against, and generated/postgres), so one build serves either database and the
// provider is chosen at run time by DATABASE_URL. `deploy` migrates the configured database.
import { spawnSync } from "node:child_process";

const verb = process.argv[2];
const prisma = (args, env, quiet) =>
  spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", ...env },
  }).status ?? 1;

let status;
if (verb === "generate") {
  // Generation reads no database; these URLs only select the schema folder in prisma.config.ts.
  status =
    prisma(["generate"], { DATABASE_URL: "file:./data/generate.db" }, true) ||
    prisma(["generate"], { DATABASE_URL: "postgresql://generate@127.0.0.1:5432/generate" }, true);
} else if (verb === "deploy") {
  status = prisma(["migrate", "deploy"], {}, false);
} else {
  console.error("usage: node scripts/db.mjs generate|deploy");
  status = 2;
}
process.exit(status);
