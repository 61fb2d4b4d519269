// Prisma CLI wrapper: picks the schema folder for the configured database (prisma.config.ts does
// the rest) and keeps the CLI from reaching the network.
import { spawnSync } from "node:child_process";

const verb = process.argv[2];
const args = {
  generate: ["generate"],
  deploy: ["migrate", "deploy"],
}[verb];
if (!args) {
  console.error(`usage: node scripts/db.mjs generate|deploy`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
  stdio: verb === "generate" ? ["ignore", "ignore", "inherit"] : "inherit",
  env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
