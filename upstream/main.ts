// CLI entry: `node --import tsx upstream/main.ts --port 4010 [--chunk-interval-ms 15] [--chunks N]
// [--first-byte-ms N] [--delay-ms N] [--host H] [--public-url URL]`; each flag falls back to an
// env var (SIM_PORT, SIM_CHUNK_INTERVAL_MS, SIM_CHUNKS, SIM_FIRST_BYTE_MS, SIM_DELAY_MS, SIM_HOST,
// SIM_PUBLIC_URL). Prints one line with the URL, which the console's launcher reads.
import { parseArgs } from "node:util";
import { createUpstream } from "./server";

const DEFAULT_PORT = 4010;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "chunk-interval-ms": { type: "string" },
    chunks: { type: "string" },
    "first-byte-ms": { type: "string" },
    "delay-ms": { type: "string" },
    "public-url": { type: "string" },
  },
});

function setting(flag: keyof typeof values): string | undefined {
  const env = process.env[`SIM_${flag.toUpperCase().replaceAll("-", "_")}`];
  return values[flag] ?? (env === "" ? undefined : env);
}

function count(flag: keyof typeof values): number | undefined {
  const raw = setting(flag);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`Invalid --${flag}: ${raw} (expected a whole number >= 0)`);
    process.exit(2);
  }
  return n;
}

try {
  const upstream = await createUpstream({
    port: count("port") ?? DEFAULT_PORT,
    host: setting("host"),
    chunkIntervalMs: count("chunk-interval-ms"),
    chunks: count("chunks"),
    firstByteMs: count("first-byte-ms"),
    delayMs: count("delay-ms"),
    publicUrl: setting("public-url"),
  });
  console.log(`Local upstream (simulated) listening on ${upstream.url}`);
  const stop = () => void upstream.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  console.error(`Local upstream failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
