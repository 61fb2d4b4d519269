// `npm run seed:usage` writes UsageLog and UsageRollup rows straight into a database for the usage
// benchmarks: what it writes must look like what the gateway's writer would have written, or the
// usage pages and their benchmark measure something that cannot happen.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../support/console-process";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "seed-usage-"));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
let sql: Client;

beforeAll(() => {
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  };
  run(["scripts/db.mjs", "deploy"]);
  run(["--conditions=react-server", "--import", "tsx", "scripts/seed-usage.ts", "--rows", "3000", "--users", "2", "--keys", "3", "--days", "20"]);
  sql = createClient({ url: `file:${path.join(dataDir, "console.db")}`, intMode: "bigint" });
}, 120_000);

afterAll(() => {
  sql?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rows = async (q: string) => (await sql.execute(q)).rows;

describe("seed:usage", () => {
  it("writes the rows asked for, and rollups that add up to them key by key", async () => {
    expect((await rows(`SELECT COUNT(*) AS n FROM UsageLog`))[0]!.n).toBe(3000n);
    const logs = await rows(`SELECT keyId, COUNT(*) AS n, SUM(cost) AS cost, SUM(promptTokens) AS p FROM UsageLog GROUP BY keyId ORDER BY keyId`);
    const rollups = await rows(`SELECT keyId, SUM(requests) AS n, SUM(cost) AS cost, SUM(promptTokens) AS p FROM UsageRollup GROUP BY keyId ORDER BY keyId`);
    expect(rollups.map((r) => ({ ...r }))).toEqual(logs.map((r) => ({ ...r })));
  });

  it("stops using a key once it is revoked, and sets each key's last use", async () => {
    const keys = await rows(`SELECT k.id, k.revokedAt, k.lastUsedAt, MAX(l.createdAt) AS last FROM ApiKey k JOIN UsageLog l ON l.keyId = k.id GROUP BY k.id`);
    expect(keys.length).toBe(6);
    const revoked = keys.filter((k) => k.revokedAt !== null);
    expect(revoked.length).toBe(2);
    for (const k of revoked) expect(new Date(String(k.last)).getTime()).toBeLessThan(new Date(String(k.revokedAt)).getTime());
    for (const k of keys) expect(new Date(String(k.lastUsedAt)).getTime()).toBe(new Date(String(k.last)).getTime());
  });
});
