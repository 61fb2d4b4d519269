// `npm start`: build when the sources changed since the last build, migrate, then serve.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { builtServer, distDir, serverArgs } from "./server-bundle.mjs";

const root = process.cwd();
const dist = distDir();

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

if (!existsSync(path.join(root, "generated/prisma/client.ts")) || !existsSync(path.join(root, "generated/postgres/client.ts"))) run(process.execPath, ["scripts/db.mjs", "generate"]);

const builtFile = path.join(root, builtServer(dist));
const sources = ["app", "components", "lib", "generated", "upstream", "server.ts", "proxy.ts", "next.config.mjs", "tailwind.config.ts", "postcss.config.mjs", "package-lock.json", "public"];
const built = existsSync(builtFile) ? statSync(builtFile).mtimeMs : 0;
if (!built || Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > built) {
  console.log(built ? "Sources changed since the last build: building..." : "First start: building the console...");
  run(process.execPath, ["scripts/build.mjs"]);
}

run(process.execPath, ["scripts/db.mjs", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

const child = spawn(process.execPath, serverArgs(dist), { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
