// Starting and watching the processes under test: the local upstream, the floor proxy, the console
// (production build, fresh database) and the Portkey gateway. Gateways run on GATEWAY_CORE, the
// upstream and the load generator on LOAD_CORE, so the gateway's CPU is the only thing measured.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { builtServer, distDir, serverArgs } from "../scripts/server-bundle.mjs";
import type { UpstreamOptions } from "../upstream/server";
import type { BenchAccounts, UsageCount } from "./db-setup";
import type { LoadConfig, LoadResult } from "./load";
import type { QueryCounts } from "./query-counter";

export const root = path.resolve(import.meta.dirname, "..");
export const LOAD_CORE = 0;
export const GATEWAY_CORE = 1;
/** Pinning needs two cores and taskset; without them the run still works, unpinned (and says so). */
export const pinned = os.cpus().length >= 2 && spawnSync("taskset", ["-V"]).status === 0;

const children = new Set<ChildProcess>();
// A harness that dies must not leave servers behind: kill exactly the children it started.
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

/** Spawns `node <args>` pinned to one core (taskset execs node, so the pid is node's own). */
export function spawnNode(core: number, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child = pinned
    ? spawn("taskset", ["-c", String(core), process.execPath, ...args], { cwd: root, ...opts })
    : spawn(process.execPath, args, { cwd: root, ...opts });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Pins this process (all its threads) to the load core: the harness's own clients run there. */
export function pinSelf(): void {
  if (pinned) spawnSync("taskset", ["-a", "-cp", String(LOAD_CORE), String(process.pid)], { stdio: "ignore" });
}

export async function stop(child: ChildProcess, ms = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), ms);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function collect(child: ChildProcess): () => string {
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  return () => out;
}

/** Waits until the child prints a line matching `re` (its "ready" line). */
function waitForOutput(child: ChildProcess, re: RegExp, what: string, ms: number): Promise<void> {
  const output = collect(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms} ms:\n${output().slice(-2000)}`)), ms);
    const check = () => {
      if (re.test(output())) {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output().slice(-2000)}`));
    });
  });
}

/** Resident memory of a process, MB (VmRSS from /proc). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * CPU time a process has used so far, ms (user + system, all threads, from /proc). Divided by the
 * requests served it gives CPU per request: a figure that other work on the machine barely moves,
 * unlike requests/s.
 */
export function cpuMs(pid: number): number {
  try {
    // Fields after the ")" that closes the command name: state is 3rd, utime 14th, stime 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop()!.trim().split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Open file descriptors of a process (a leak of database connections would show here). */
export function fdCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/** Open descriptors on the SQLite files (database, WAL, shared memory): one set per live connection. */
export function dbFileCount(pid: number, dataDir: string): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(dataDir);
      } catch {
        return false;
      }
    }).length;
  } catch {
    return NaN;
  }
}

/** Samples RSS every 200 ms while a phase runs; returns the peak. */
export function sampleRss(pid: number): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
}

export interface Proc {
  name: string;
  port: number;
  pid: number;
  child: ChildProcess;
}

// ---------------------------------------------------------------- upstream

export interface UpstreamProc extends Proc {
  url: string;
  /** Recreates the upstream with new options on the same port (gateways keep their base URL). */
  configure(opts: UpstreamOptions): Promise<void>;
}

export async function startUpstream(opts: UpstreamOptions): Promise<UpstreamProc> {
  const child = spawnNode(LOAD_CORE, ["--import", "tsx", "bench/upstream-proc.ts"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const configure = (o: UpstreamOptions) =>
    new Promise<{ port: number; url: string }>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`upstream exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (m) => {
        child.off("exit", onExit);
        resolve(m as { port: number; url: string });
      });
      child.send(o);
    });
  const first = await configure(opts);
  return { name: "upstream", port: first.port, url: first.url, pid: child.pid!, child, configure: async (o) => void (await configure(o)) };
}

// ---------------------------------------------------------------- floor

export async function startFloor(upstreamOrigin: string): Promise<Proc> {
  const port = await freePort();
  const child = spawnNode(GATEWAY_CORE, ["--import", "tsx", "bench/floor-proxy.ts", String(port), upstreamOrigin], { stdio: ["ignore", "pipe", "pipe"] });
  await waitForOutput(child, /floor proxy ready/, "floor proxy", 30_000);
  return { name: "floor", port, pid: child.pid!, child };
}

// ---------------------------------------------------------------- Portkey

// Runs as installed: its skipped postinstall is `patch-package`, and the published package ships no
// patches/ folder, so that step would change nothing. Versions pinned by package.json overrides.
export const PORTKEY_ENTRY = "node_modules/@portkey-ai/gateway/build/start-server.js";

export async function startPortkey(): Promise<Proc> {
  const port = await freePort();
  const child = spawnNode(GATEWAY_CORE, ["--import", "./bench/loopback.mjs", PORTKEY_ENTRY, "--headless", `--port=${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  collect(child);
  await waitForHttp(`http://127.0.0.1:${port}/`, child, "Portkey gateway", 30_000);
  return { name: "portkey", port, pid: child.pid!, child };
}

async function waitForHttp(url: string, child: ChildProcess, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} did not answer on ${url} within ${ms} ms`);
}

// ---------------------------------------------------------------- console

export interface ConsoleProc extends Proc {
  accounts: BenchAccounts;
  dataDir: string;
  /** Driver-level SQL counts so far (see query-counter.ts). */
  queries(): Promise<QueryCounts>;
  /** Usage rows per key, read from the console's database by a separate process. */
  usage(keyIds: string[]): Record<string, UsageCount>;
}

/** Builds the production bundle only when there is none (respecting NEXT_DIST_DIR). */
export function ensureBuild(): void {
  if (existsSync(path.join(root, builtServer()))) return;
  console.log(`No production build in ${distDir()}: building (node scripts/build.mjs)...`);
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("build failed");
}

function nodeJson<T>(args: string[], env: NodeJS.ProcessEnv): T {
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8", maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as T;
}

export async function startConsole(upstream: UpstreamProc, runId: string): Promise<ConsoleProc> {
  const port = await freePort();
  const dataDir = path.join(root, "bench", ".data", runId);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const countFile = path.join(dataDir, "query-count.json");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    PORT: String(port),
    HOST: "127.0.0.1",
    // No API key: simulated mode, pointed at the benchmark's upstream (reused, not started again).
    APERTIS_API_KEY: "",
    APERTIS_BASE_URL: upstream.url,
    LOCAL_UPSTREAM_PORT: String(upstream.port),
    ADMIN_EMAIL: "admin@bench.local",
    ADMIN_PASSWORD: "bench-admin-password-1",
    USAGE_FLUSH_MS: "1000", // the default: the batched writer exactly as shipped
    LOG_LEVEL: "warn",
    BENCH_QUERY_COUNT_FILE: countFile,
  };
  const migrate = spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (migrate.status !== 0) throw new Error("prisma migrate deploy failed");
  const accounts = nodeJson<BenchAccounts>(["--conditions=react-server", "--import", "tsx", "bench/db-setup.ts", "setup"], env);

  // The built server as shipped; the query counter is compiled too, so no TypeScript loader runs in
  // the measured process. BENCH_CONSOLE_NODE_ARGS adds flags for investigation, e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const counter = path.join(dataDir, "query-counter.mjs");
  await build({ entryPoints: [path.join(root, "bench/query-counter.ts")], outfile: counter, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
  const extra = (process.env.BENCH_CONSOLE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawnNode(GATEWAY_CORE, [...extra, "--import", pathToFileURL(counter).href, ...serverArgs()], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, /Apertis Console ready on/, "console server", 120_000);
  const pid = child.pid!;

  const queries = async (): Promise<QueryCounts> => {
    const before = existsSync(countFile) ? statSync(countFile).mtimeMs : 0;
    process.kill(pid, "SIGUSR2");
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (existsSync(countFile) && statSync(countFile).mtimeMs !== before) {
        try {
          return JSON.parse(readFileSync(countFile, "utf8")) as QueryCounts;
        } catch {
          // caught mid-write: read again
        }
      }
    }
    throw new Error("the console did not report its query counts (query-counter preload not loaded?)");
  };
  const usage = (keyIds: string[]) =>
    nodeJson<Record<string, UsageCount>>(["--conditions=react-server", "--import", "tsx", "bench/db-setup.ts", "count", ...keyIds], env);
  return { name: "console", port, pid, child, accounts, dataDir, queries, usage };
}

// ---------------------------------------------------------------- load generator

/** One autocannon run in a child process pinned to the load core. */
export function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  const child = spawnNode(LOAD_CORE, ["--import", "tsx", "bench/load.ts", JSON.stringify(cfg)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator failed (${code})`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as LoadResult);
    });
  });
}
