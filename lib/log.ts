// One-line JSON logs. Errors are logged with message and stack only; request bodies, keys and
// secrets are never passed here.
import { env } from "@/lib/env";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof levels, "silent">;

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  let threshold: number = levels.info;
  try {
    threshold = levels[env().LOG_LEVEL];
  } catch {
    // configuration not valid yet: log anyway
  }
  if (levels[level] < threshold) return;
  const out: Record<string, unknown> = { t: new Date().toISOString(), level, msg };
  for (const [k, v] of Object.entries(fields ?? {})) {
    out[k] = v instanceof Error ? { message: v.message, stack: v.stack?.split("\n").slice(0, 6).join("\n") } : v;
  }
  const line = JSON.stringify(out, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (msg: string, f?: Record<string, unknown>) => write("debug", msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write("info", msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write("warn", msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write("error", msg, f),
};
