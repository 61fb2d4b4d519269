import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { bundleDir } from "@/lib/bundle";
import { log } from "@/lib/log";

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) });
    const body = (await res.json()) as { simulated?: boolean };
    return res.ok && body.simulated === true;
  } catch {
    return false;
  }
}

/**
 * Starts the bundled simulator (upstream/main.ts) as its own process on loopback, or reuses one
 * already answering on that port (tests and benchmarks start their own).
 */
export async function startLocalUpstream(port: number): Promise<{ stop(): Promise<void> }> {
  if (await healthy(port)) {
    log.info("using the local upstream (simulated) already running", { port });
    return { stop: async () => {} };
  }
  const entry = bundleDir ? [path.join(bundleDir, "upstream.mjs")] : ["--import", "tsx", "upstream/main.ts"];
  const child: ChildProcess = spawn(process.execPath, [...entry, "--port", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });
  const deadline = Date.now() + 20_000;
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`local upstream exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`local upstream did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
