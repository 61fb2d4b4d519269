// Configuration, validated once. Plain module (no "server-only") because the Prisma CLI config,
// the operator CLI and the custom server load it outside Next.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://")
      .optional(),
  ),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  KEY_PEPPER: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  APERTIS_BASE_URL: optionalString.pipe(z.url().optional()),
  APERTIS_API_KEY: optionalString,
  LOCAL_UPSTREAM_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must start with redis://").optional()),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  SIGNUP_CREDIT_USD: z.coerce.number().min(0).max(1_000_000).default(1),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20), // per IP per 20 minutes
  UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  USAGE_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  USAGE_BUFFER_MAX: z.coerce.number().int().min(10).default(100_000),
  RENEWAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  ALLOW_SIGNUP: boolish.default(true),
});

export type Env = z.infer<typeof envSchema> & {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  KEY_PEPPER: string;
  APERTIS_BASE_URL: string;
  databaseProvider: "sqlite" | "postgresql";
  /** True when no APERTIS_API_KEY is set: the bundled simulator answers instead of Apertis. */
  simulated: boolean;
};

export class EnvError extends Error {}

/** Parses an environment; throws EnvError whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Invalid configuration: ${name} ${issue.message} (got "${source[name] ?? ""}")`);
  }
  return result.data;
}

interface Secrets {
  AUTH_SECRET: string;
  KEY_PEPPER: string;
}

/** Secrets not given in the environment are generated once and kept in DATA_DIR/secrets.json. */
function loadSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Secrets;
  } catch {
    const fresh: Secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      KEY_PEPPER: randomBytes(32).toString("base64url"),
    };
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
      return fresh;
    } catch {
      // Another process created it first: use theirs so every process agrees.
      return JSON.parse(readFileSync(file, "utf8")) as Secrets;
    }
  }
}

export function resolveEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = parseEnv(source);
  const dataDir = path.resolve(parsed.DATA_DIR);
  const needSecrets = !parsed.AUTH_SECRET || !parsed.KEY_PEPPER;
  const secrets = needSecrets ? loadSecrets(dataDir) : undefined;
  const databaseUrl = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "console.db")}`;
  const simulated = !parsed.APERTIS_API_KEY;
  return {
    ...parsed,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: parsed.AUTH_SECRET ?? secrets!.AUTH_SECRET,
    KEY_PEPPER: parsed.KEY_PEPPER ?? secrets!.KEY_PEPPER,
    APERTIS_BASE_URL:
      parsed.APERTIS_BASE_URL ??
      (simulated ? `http://127.0.0.1:${parsed.LOCAL_UPSTREAM_PORT}/v1` : "https://api.apertis.ai/v1"),
    databaseProvider: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    simulated,
  };
}

let cached: Env | undefined;

/** The process-wide configuration. The first call validates; later calls are free. */
export function env(): Env {
  cached ??= resolveEnv();
  return cached;
}

/**
 * Called once by entry points (server, CLI) so that libraries reading process.env directly
 * (Auth.js reads AUTH_SECRET) see the resolved values, generated secrets included.
 */
export function exportEnv(): Env {
  const e = env();
  process.env.AUTH_SECRET = e.AUTH_SECRET;
  process.env.KEY_PEPPER = e.KEY_PEPPER;
  process.env.DATABASE_URL = e.DATABASE_URL;
  process.env.DATA_DIR = e.DATA_DIR;
  process.env.APERTIS_BASE_URL = e.APERTIS_BASE_URL;
  return e;
}
