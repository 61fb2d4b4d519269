// `npm run build`: generate the Prisma client for the configured database, build Next, then bundle
// the server that serves both (scripts/server-bundle.mjs).
import { spawnSync } from "node:child_process";
import { bundleServer } from "./server-bundle.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const args of [["scripts/db.mjs", "generate"], ["node_modules/next/dist/bin/next", "build"]]) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await bundleServer();
