// Starts, once for the integration suite: the local upstream (in-process), and the real console
// server (production build, own SQLite file) as a child process, then hands their URLs to tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createUpstream } from "../../upstream/server";
import { builtServer, serverArgs } from "../../scripts/server-bundle.mjs";
import { dropDatabase, freshDatabase } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    consoleUrl: string;
    upstreamUrl: string;
    dataDir: string;
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

async function waitFor(url: string, child: ChildProcess, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`console server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, builtServer()))) {
    const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("build failed");
  }
  const upstream = await createUpstream({ port: 0, chunkIntervalMs: 5 });
  const dataDir = path.join(root, ".test-data", `integration-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = 3400 + (process.pid % 500);
  // TEST_DATABASE_URL=postgresql://user@host:port/any runs the suite on a fresh PostgreSQL database.
  const databaseUrl = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL, `apertis_it_${process.pid}`) : "";
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    APERTIS_API_KEY: "",
    APERTIS_BASE_URL: upstream.url,
    LOCAL_UPSTREAM_PORT: String(upstream.port),
    ADMIN_EMAIL: "admin@integration.test",
    ADMIN_PASSWORD: "integration-admin-1",
    USAGE_FLUSH_MS: "100",
    UPSTREAM_FIRST_BYTE_TIMEOUT_MS: "1500",
    LOG_LEVEL: "warn",
    SIGNUP_CREDIT_USD: "5",
  };
  const migrate = spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (migrate.status !== 0) throw new Error("migrate failed");
  const child = spawn(process.execPath, serverArgs(), { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const consoleUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${consoleUrl}/api/health`, child);
  project.provide("consoleUrl", consoleUrl);
  project.provide("upstreamUrl", upstream.url);
  project.provide("dataDir", dataDir);
  project.provide("databaseUrl", databaseUrl);
  process.env.INTEGRATION_DATA_DIR = dataDir;

  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
    });
    await upstream.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl);
  };
}
