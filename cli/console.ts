// Operator CLI: `npm run console -- <command> [flags]`. See HELP in ./args.ts.
// stdout carries results only (key:create: the plaintext key alone on the last line); notes and
// errors go to stderr as single lines. Exit codes: 0 done, 1 failed, 2 bad usage.
import { EnvError, exportEnv } from "../lib/env";
import { CommandError, HELP, parseCommand, UsageError } from "./args";

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim().slice(0, 600);
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  if (command.name === "help") {
    if (argv.length === 0) {
      console.error(HELP);
      return 2;
    }
    console.log(HELP);
    return 0;
  }

  let env;
  try {
    env = exportEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }

  const { db, prepareDatabase } = await import("../lib/db");
  const { startFileRelay } = await import("../lib/events-file");
  const { startRedis, stopRedis, waitForRedis } = await import("../lib/limits/redis");
  // Changes made here (revoke, grant) must reach running servers at once.
  startFileRelay(env.DATA_DIR, { listen: false });
  if (startRedis()) await waitForRedis(2000);
  const { runCommand } = await import("./commands");
  const { toApiError, ApiError } = await import("../lib/errors");
  try {
    await prepareDatabase();
    await runCommand(command, {
      info: (line) => console.error(line),
      result: (line) => console.log(line),
    });
    return 0;
  } catch (err) {
    if (err instanceof CommandError || err instanceof ApiError) {
      console.error(`error: ${oneLine(err.message)}`);
    } else if (err && typeof err === "object" && "issues" in err) {
      // zod: the same sentence the sign-up form shows ("Password must be at least 8 characters.")
      console.error(`error: ${oneLine(toApiError(err).message)}`);
    } else {
      console.error(`error: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    }
    return 1;
  } finally {
    await stopRedis();
    await db.$disconnect().catch(() => {});
  }
}

process.exitCode = await main(process.argv.slice(2));
