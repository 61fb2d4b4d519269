// `npm run seed:usage -- --rows 1000000 [--users 20 --keys 6 --days 90 --seed 1]`
// Writes a realistic usage history into the configured database (DATA_DIR / DATABASE_URL): new
// users with several keys each (one of them revoked), traffic skewed towards a few users, keys and
// models, a working-hours rhythm and slow growth over `days`, ~2% errors. Every UsageLog row and
// its UsageRollup hour are written in the same transaction, in chunks of ~5000 rows, as the
// gateway's usage writer does. For benchmarks and demos; never run it against production data.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { exportEnv } from "../lib/env";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    users: { type: "string", default: "20" },
    keys: { type: "string", default: "6" },
    days: { type: "string", default: "90" },
    seed: { type: "string", default: "1" },
  },
});
const ROWS = Number(values.rows);
const USERS = Number(values.users);
const KEYS = Number(values.keys);
const DAYS = Number(values.days);
for (const [name, v] of Object.entries({ rows: ROWS, users: USERS, keys: KEYS, days: DAYS })) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`error: --${name} must be a positive whole number`);
    process.exit(2);
  }
}

const CHUNK = 5000;
const HOUR = 3_600_000;
const PASSWORD = "seed-password-1";

/** mulberry32: a small seeded generator, so two runs with the same --seed write the same history. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed));

/** Picks index i with probability proportional to weights[i] (cumulative table + binary search). */
function picker<T>(items: readonly T[], weights: readonly number[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}
const zipf = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
/** Log-normal around `median`, for token counts and latencies. */
const around = (median: number, spread = 0.8) => Math.max(1, Math.round(median * Math.exp(spread * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))));

async function main() {
  exportEnv();
  const migrate = spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });
  if (migrate.status !== 0) throw new Error("database migration failed");
  const { Prisma } = await import("../generated/prisma/client");
  const { db, prepareDatabase } = await import("../lib/db");
  const { seed } = await import("../lib/seed");
  const { createUser } = await import("../lib/accounts/users");
  const { insertKey } = await import("../lib/keys/store");
  const { catalog } = await import("../lib/catalog/models");
  const { imageCost, speechCost, tokenCost, transcriptionCost } = await import("../lib/billing/cost");
  const { usdToMicros } = await import("../lib/money");
  await prepareDatabase();
  await seed();

  const started = performance.now();
  const tag = randomBytes(3).toString("hex");
  const keyNames = ["production", "staging", "ci", "notebook", "batch-jobs", "support-bot", "mobile-app", "analytics"];
  // Popular models are popular across the console, but each key calls a few of them (an app is
  // built against one or two models): the rollup then has as many cells per hour as real traffic.
  const models = catalog.filter((m) => m.id !== "dall-e-2");
  const pickModel = picker(models, zipf(models.length, 1.05));
  type Model = (typeof models)[number];
  const keyProfile = (): (() => Model) => {
    const chosen = new Set<Model>();
    const size = 1 + Math.floor(random() * 4);
    while (chosen.size < size) chosen.add(pickModel());
    return picker([...chosen], zipf(chosen.size, 1.2));
  };
  type KeyUse = { id: string; pickModel: () => Model; chatEndpoint: string; revokedAt?: number };
  const pickChatEndpoint = picker(["/chat/completions", "/responses", "/messages"], [7, 1.5, 1.5]);
  const owners: Array<{ userId: string; pickKey: (at: number) => KeyUse }> = [];
  const seededKeys: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const user = await createUser({ email: `seed-${tag}-${u + 1}@seed.local`, password: PASSWORD, name: `Seed user ${u + 1}`, creditUsd: 50 });
    const keyUses: KeyUse[] = [];
    for (let k = 0; k < KEYS; k++) {
      const name = keyNames[k % keyNames.length]! + (k >= keyNames.length ? `-${k}` : "");
      const { key } = await db.$transaction((tx) => insertKey(tx, { userId: user.id, name }));
      keyUses.push({ id: key.id, pickModel: keyProfile(), chatEndpoint: pickChatEndpoint() });
      seededKeys.push(key.id);
    }
    // The last key was revoked halfway through the history: its earlier rows stay, labelled
    // "(revoked)"; after that its share of the traffic goes to the first key.
    if (KEYS > 1) {
      const revoked = keyUses[KEYS - 1]!;
      revoked.revokedAt = Date.now() - (DAYS / 2) * 86_400_000;
      await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date(revoked.revokedAt) } });
    }
    const pick = picker(keyUses, zipf(KEYS, 1.1));
    owners.push({
      userId: user.id,
      pickKey: (at) => {
        const use = pick();
        return use.revokedAt !== undefined && at >= use.revokedAt ? keyUses[0]! : use;
      },
    });
  }
  const pickOwner = picker(owners, zipf(USERS, 0.9));

  const price = new Map(
    models.map((m) => [
      m.id,
      {
        model: m.id,
        inputPrice: usdToMicros(m.input ?? 0),
        outputPrice: usdToMicros(m.output ?? 0),
        charPrice: usdToMicros(m.perMillionChars ?? 0),
        minutePrice: usdToMicros(m.perMinute ?? 0),
        imagePrices: Object.fromEntries(Object.entries(m.images ?? {}).map(([k, v]) => [k, Number(usdToMicros(v))])),
      },
    ]),
  );
  const pickError = picker(
    [
      { status: 429, code: "rate_limit_exceeded" },
      { status: 402, code: "insufficient_balance" },
      { status: 500, code: "internal_error" },
      { status: 502, code: "upstream_error" },
      { status: 400, code: "context_length_exceeded" },
    ],
    [5, 1, 1, 2, 1],
  );

  // Traffic per hour: a working-day rhythm (low at night, weekends lighter) and ~2x growth over the range.
  const end = Math.floor(Date.now() / HOUR) * HOUR;
  const hours = DAYS * 24;
  const weights = Array.from({ length: hours }, (_, i) => {
    const t = new Date(end - (hours - i) * HOUR);
    const h = t.getUTCHours();
    const weekday = t.getUTCDay() % 6 === 0 ? 0.5 : 1;
    return (0.25 + Math.exp(-((h - 14) ** 2) / 18)) * weekday * (1 + i / hours);
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);

  const logColumns = ["id", "createdAt", "userId", "keyId", "model", "endpoint", "source", "status", "errorCode", "promptTokens", "completionTokens", "totalTokens", "cost", "quotaCost", "latencyMs", "ttfbMs", "stream", "upstreamRequestId", "requestId", "clientIp"] as const;
  const rollupColumns = ["id", "hour", "userId", "keyId", "model", "endpoint", "requests", "errors", "promptTokens", "completionTokens", "cost", "quotaCost", "latencyMsSum"] as const;
  type Value = string | number | bigint | boolean | Date | null;
  type Log = Record<(typeof logColumns)[number], Value> & { createdAt: Date };
  type Roll = Record<(typeof rollupColumns)[number], Value> & { requests: number; errors: number; promptTokens: bigint; completionTokens: bigint; cost: bigint; latencyMsSum: bigint };

  /**
   * Multi-row INSERTs of 512 rows, the remainder in power-of-two pieces: Prisma's createMany costs
   * ~0.5 ms a row here (5x the raw statement), and a handful of distinct statement texts keeps the
   * driver's statement cache from growing with every chunk. Prisma.sql keeps the statement portable
   * (placeholders and Date encoding per driver).
   */
  const insert = async (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], table: string, columns: readonly string[], rows: readonly Record<string, Value>[]) => {
    for (let i = 0; i < rows.length; ) {
      let size = 512;
      while (size > rows.length - i) size >>= 1;
      const values = rows.slice(i, i + size).map((r) => Prisma.sql`(${Prisma.join(columns.map((c) => r[c] ?? null))})`);
      i += size;
      await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((c) => `"${c}"`).join(", "))}) VALUES ${Prisma.join(values)}`;
    }
  };
  let logs: Log[] = [];
  let rollups: Roll[] = [];
  let written = 0;
  let n = 0;
  let carry = 0;

  const flush = async () => {
    if (!logs.length) return;
    const [l, r] = [logs, rollups];
    logs = [];
    rollups = [];
    await db.$transaction(async (tx) => {
      await insert(tx, "UsageLog", logColumns, l);
      await insert(tx, "UsageRollup", rollupColumns, r);
    }, { timeout: 60_000 });
    written += l.length;
    const secs = (performance.now() - started) / 1000;
    process.stderr.write(`\r${written.toLocaleString("en-US")} / ${ROWS.toLocaleString("en-US")} rows, ${Math.round(written / secs).toLocaleString("en-US")} rows/s   `);
  };

  for (let i = 0; i < hours; i++) {
    const exact = (ROWS * weights[i]!) / weightSum + carry;
    const count = i === hours - 1 ? ROWS - n : Math.floor(exact);
    carry = exact - count;
    const hour = new Date(end - (hours - i) * HOUR);
    const cells = new Map<string, Roll>();
    for (let j = 0; j < count; j++) {
      const owner = pickOwner();
      const use = owner.pickKey(hour.getTime() + HOUR); // the hour's rows spread over all of it
      const keyId = use.id;
      const m = use.pickModel();
      const p = price.get(m.id)!;
      const failed = random() < 0.02 ? pickError() : null;
      let endpoint = "/chat/completions";
      let prompt = 0;
      let completion = 0;
      let cost = 0n;
      let stream = false;
      if (m.modality === "chat") {
        endpoint = use.chatEndpoint === "/messages" && m.ownedBy !== "anthropic" ? "/chat/completions" : use.chatEndpoint;
        prompt = around(600, 1);
        completion = failed ? 0 : around(250, 0.9);
        stream = random() < 0.6;
        cost = tokenCost(p, prompt, completion);
      } else if (m.modality === "embedding") {
        endpoint = "/embeddings";
        prompt = around(300, 1);
        cost = tokenCost(p, prompt, 0);
      } else if (m.modality === "image") {
        endpoint = "/images/generations";
        cost = imageCost(p, 1);
      } else if (m.modality === "tts") {
        endpoint = "/audio/speech";
        cost = speechCost(p, around(400, 0.7));
      } else {
        endpoint = "/audio/transcriptions";
        cost = transcriptionCost(p, around(45, 0.8));
      }
      if (failed) cost = 0n;
      const latency = failed ? around(120, 0.8) : around(m.modality === "image" ? 9000 : 1200, 0.6);
      const createdAt = new Date(hour.getTime() + Math.floor(random() * HOUR));
      n++;
      logs.push({
        id: `seed${tag}${n.toString(36)}`,
        createdAt,
        userId: owner.userId,
        keyId,
        model: m.id,
        endpoint,
        source: random() < 0.05 ? "PLAYGROUND" : "API",
        status: failed?.status ?? 200,
        errorCode: failed?.code ?? null,
        promptTokens: prompt,
        completionTokens: completion,
        totalTokens: prompt + completion,
        cost,
        quotaCost: 0n,
        latencyMs: latency,
        ttfbMs: stream ? Math.min(latency, around(350, 0.5)) : null,
        stream,
        upstreamRequestId: `chatcmpl-${tag}${n.toString(36)}`,
        requestId: `req_seed_${tag}_${n.toString(36)}`,
        clientIp: `10.0.${n % 7}.${(n % 200) + 10}`,
      });
      const id = `${owner.userId}|${keyId}|${m.id}|${endpoint}`;
      const cell: Roll = cells.get(id) ?? { id: `seed${tag}_${i}_${cells.size}`, hour, userId: owner.userId, keyId, model: m.id, endpoint, requests: 0, errors: 0, promptTokens: 0n, completionTokens: 0n, cost: 0n, quotaCost: 0n, latencyMsSum: 0n };
      cell.requests++;
      if (failed) cell.errors++;
      cell.promptTokens += BigInt(prompt);
      cell.completionTokens += BigInt(completion);
      cell.cost += cost;
      cell.latencyMsSum += BigInt(latency);
      cells.set(id, cell);
    }
    // Logs sorted by time within the hour, as the gateway writes them.
    logs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    rollups.push(...cells.values());
    // Chunks end on an hour boundary: an hour's rollup rows always commit with that hour's logs.
    if (logs.length >= CHUNK) await flush();
  }
  await flush();
  // Each key's "last used", as the gateway's writer keeps it.
  for (const g of await db.usageLog.groupBy({ by: ["keyId"], where: { keyId: { in: seededKeys } }, _max: { createdAt: true } })) {
    await db.apiKey.update({ where: { id: g.keyId }, data: { lastUsedAt: g._max.createdAt } });
  }
  const secs = (performance.now() - started) / 1000;
  process.stderr.write("\n");
  const [logCount, rollupCount] = await Promise.all([db.usageLog.count(), db.usageRollup.count()]);
  console.log(`Seeded ${written.toLocaleString("en-US")} usage rows for ${USERS} users x ${KEYS} keys over ${DAYS} days in ${secs.toFixed(1)} s (${Math.round(written / secs).toLocaleString("en-US")} rows/s).`);
  console.log(`The database now holds ${logCount.toLocaleString("en-US")} UsageLog and ${rollupCount.toLocaleString("en-US")} UsageRollup rows.`);
  console.log(`Sign in as seed-${tag}-1@seed.local (the busiest user) with password ${PASSWORD}.`);
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
