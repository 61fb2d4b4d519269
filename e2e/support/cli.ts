// Runs the operator CLI the way an operator does (`npm run console -- ...`), against the e2e
// server's database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { e2eEnv } from "./constants";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stdout. */
  lastLine: string;
}

export function runConsoleCli(args: string[]): CliResult {
  // The shell's own database, Redis and secrets never apply; e2eEnv() names the server's.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["APERTIS_API_KEY", "DATABASE_URL", "AUTH_SECRET", "KEY_PEPPER", "REDIS_URL"]) delete env[name];
  Object.assign(env, e2eEnv());
  const r = spawnSync("npm", ["run", "console", "--", ...args], {
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lastLine: lines.at(-1) ?? "" };
}
