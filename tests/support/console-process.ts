// Starts a real console server (production build) as a child process, as the integration and
// scale-out tests need it: own port, own environment, stoppable with any signal.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { serverArgs } from "../../scripts/server-bundle.mjs";

export const root = path.resolve(import.meta.dirname, "../..");

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startConsole(env: Record<string, string>, port: number): Promise<ConsoleProcess> {
  const child = spawn(process.execPath, serverArgs(), {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`console server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`console server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
        setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
      }),
  };
}
