// Argument parsing for the operator CLI: pure functions, no database, unit-tested in args.test.ts.
import { parseArgs } from "node:util";

/** Bad invocation (unknown command or flag, missing or malformed value): exit code 2. */
export class UsageError extends Error {}
/** A well-formed request that cannot be done (unknown email, duplicate account): exit code 1. */
export class CommandError extends Error {}

export const HELP = `Apertis Console operator CLI

Usage: npm run console -- <command> [flags]

Commands:
  user:create  --email E --password P [--name N] [--admin]
               Create an account (Free plan, sign-up credit). --admin makes it an operator.
  key:create   --email E --name N [--quota-usd X] [--budget-usd X] [--models a,b] [--expires-in 30d]
               Create an API key for the account. The plaintext key is the last line of stdout.
               --expires-in takes <n>s, <n>m, <n>h or <n>d (seconds to days), e.g. 90m, 1h, 30d.
  key:revoke   --id ID
               Revoke a key (it stops working; its usage history stays).
  credit:grant --email E --usd X
               Add X US dollars to the account's pay-as-you-go balance (recorded in the ledger).

Configuration comes from the same environment as the server (DATA_DIR, DATABASE_URL, ...).
Exit codes: 0 done, 1 failed (e.g. unknown email), 2 bad usage.`;

export type Command =
  | { name: "help" }
  | { name: "user:create"; email: string; password: string; userName?: string; admin: boolean }
  | {
      name: "key:create";
      email: string;
      keyName: string;
      quotaUsd?: number;
      budgetUsd?: number;
      models: string[];
      expiresInMs?: number;
    }
  | { name: "key:revoke"; id: string }
  | { name: "credit:grant"; email: string; usd: number };

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_DURATION_MS = 10 * 365 * 86_400_000;

/** "30s" | "90m" | "1h" | "30d" -> milliseconds. */
export function parseDuration(value: string, flag = "--expires-in"): number {
  const match = /^(\d{1,6})([smhd])$/.exec(value.trim());
  if (!match) throw new UsageError(`${flag} must look like 30s, 90m, 1h or 30d (got "${value}").`);
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  if (ms <= 0) throw new UsageError(`${flag} must be longer than zero (got "${value}").`);
  if (ms > MAX_DURATION_MS) throw new UsageError(`${flag} must be at most 10 years (got "${value}").`);
  return ms;
}

/** A positive dollar amount with at most 6 decimals (money is stored in micro-dollars). */
export function parseUsd(value: string, flag: string): number {
  const trimmed = value.trim().replace(/^\$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) throw new UsageError(`${flag} must be a number of US dollars, like 5 or 12.50 (got "${value}").`);
  const usd = Number(trimmed);
  if (usd < 0) throw new UsageError(`${flag} cannot be negative (got ${value}).`);
  if (usd === 0) throw new UsageError(`${flag} must be more than zero.`);
  if ((trimmed.split(".")[1]?.length ?? 0) > 6) throw new UsageError(`${flag} has more than 6 decimals (got ${value}).`);
  if (usd > 1_000_000_000) throw new UsageError(`${flag} is too large (got ${value}).`);
  return usd;
}

/** "a, b,,a" -> ["a", "b"]. */
export function parseModels(value: string): string[] {
  const models = [...new Set(value.split(",").map((m) => m.trim()).filter(Boolean))];
  if (models.length === 0) throw new UsageError("--models needs at least one model id, comma-separated.");
  const bad = models.find((m) => !/^[\w.:/@+-]{1,200}$/.test(m));
  if (bad) throw new UsageError(`--models has an invalid model id "${bad}".`);
  return models;
}

function required(values: Record<string, string | boolean | undefined>, flag: string, command: string): string {
  const v = values[flag];
  if (typeof v !== "string" || !v.trim()) throw new UsageError(`${command} needs --${flag}. See --help.`);
  return v.trim();
}

function optional(values: Record<string, string | boolean | undefined>, flag: string): string | undefined {
  const v = values[flag];
  return typeof v === "string" ? v : undefined;
}

const FLAGS: Record<Exclude<Command["name"], "help">, Record<string, { type: "string" | "boolean" }>> = {
  "user:create": { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, admin: { type: "boolean" } },
  "key:create": {
    email: { type: "string" },
    name: { type: "string" },
    "quota-usd": { type: "string" },
    "budget-usd": { type: "string" },
    models: { type: "string" },
    "expires-in": { type: "string" },
  },
  "key:revoke": { id: { type: "string" } },
  "credit:grant": { email: { type: "string" }, usd: { type: "string" } },
};

function isCommandName(name: string): name is Exclude<Command["name"], "help"> {
  return Object.hasOwn(FLAGS, name);
}

/**
 * node:util reads `--usd -3` as a flag followed by an unknown option "-3"; join such pairs into
 * `--usd=-3` so the value reaches validation and gets its own message ("cannot be negative").
 */
function joinNegativeValues(args: string[], options: Record<string, { type: "string" | "boolean" }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith("--") && options[arg.slice(2)]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** argv after the script name -> a validated command. Throws UsageError. */
export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (!isCommandName(name)) throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(FLAGS).join(", ")}. See --help.`);
  if (rest.includes("--help") || rest.includes("-h")) return { name: "help" };

  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: joinNegativeValues(rest, FLAGS[name]), options: FLAGS[name], strict: true, allowPositionals: false }));
  } catch (err) {
    // node:util's messages are long and mention internals; keep the first sentence.
    const message = err instanceof Error ? err.message.split(/\.\s/)[0]!.replace(/\.$/, "") : String(err);
    throw new UsageError(`${name}: ${message}. See --help.`);
  }

  switch (name) {
    case "user:create":
      return {
        name,
        email: required(values, "email", name),
        password: required(values, "password", name),
        userName: optional(values, "name")?.trim() || undefined,
        admin: values.admin === true,
      };
    case "key:create": {
      const quota = optional(values, "quota-usd");
      const budget = optional(values, "budget-usd");
      const models = optional(values, "models");
      const expires = optional(values, "expires-in");
      const keyName = required(values, "name", name);
      if (keyName.length > 100) throw new UsageError("--name must be at most 100 characters.");
      return {
        name,
        email: required(values, "email", name),
        keyName,
        quotaUsd: quota === undefined ? undefined : parseUsd(quota, "--quota-usd"),
        budgetUsd: budget === undefined ? undefined : parseUsd(budget, "--budget-usd"),
        models: models === undefined ? [] : parseModels(models),
        expiresInMs: expires === undefined ? undefined : parseDuration(expires),
      };
    }
    case "key:revoke":
      return { name, id: required(values, "id", name) };
    case "credit:grant":
      return { name, email: required(values, "email", name), usd: parseUsd(required(values, "usd", name), "--usd") };
  }
}
