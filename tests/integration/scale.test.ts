// Scale-out and faults: two console processes sharing one PostgreSQL database and one Redis, each
// reaching them (and the upstream) through loopback proxies the test can cut. Runs in the
// PostgreSQL stage of `npm test` (TEST_DATABASE_URL); SQLite deployments are single-process.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUpstream } from "../../upstream/server";
import { startConsole, type ConsoleProcess } from "../support/console-process";
import { fixtures, uniqueEmail } from "../support/fixtures";
import { signIn } from "../support/session";
import { tcpProxy, type TcpProxy } from "../support/tcp-proxy";

const databaseUrl = inject("databaseUrl");
const dataDir = inject("dataDir");
const redisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ask = (c: OpenAI, extra: Record<string, unknown> = {}) => c.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], ...extra });

describe.skipIf(!databaseUrl)("several console processes on PostgreSQL and Redis", () => {
  let upstream: Awaited<ReturnType<typeof createUpstream>>;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let upstreamProxy: TcpProxy;
  let a: ConsoleProcess;
  let b: ConsoleProcess;
  let f: Awaited<ReturnType<typeof fixtures>>;

  beforeAll(async () => {
    f = await fixtures();
    upstream = await createUpstream({ port: 0, chunkIntervalMs: 5 });
    const pg = new URL(databaseUrl);
    const redis = new URL(redisUrl);
    pgProxy = await tcpProxy(pg.hostname, Number(pg.port || 5432));
    redisProxy = await tcpProxy(redis.hostname, Number(redis.port || 6379));
    upstreamProxy = await tcpProxy("127.0.0.1", upstream.port);
    const viaProxy = new URL(databaseUrl);
    viaProxy.port = String(pgProxy.port);
    const env = {
      DATA_DIR: dataDir, // same secrets (AUTH_SECRET, KEY_PEPPER) as the suite's main server
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      APERTIS_API_KEY: "",
      APERTIS_BASE_URL: `http://127.0.0.1:${upstreamProxy.port}/v1`,
      // Without it each console would start its own simulator on the default port, and one killed
      // with SIGKILL would leave it running after the suite.
      LOCAL_UPSTREAM_PORT: String(upstream.port),
      USAGE_FLUSH_MS: "100",
      USAGE_BUFFER_MAX: "30",
      UPSTREAM_CONNECT_TIMEOUT_MS: "1000",
      // Sign-in attempts are shared through Redis and outlive a run: reruns must not trip them.
      AUTH_RATE_LIMIT: "1000",
    };
    const base = 3900 + (process.pid % 50) * 2;
    [a, b] = await Promise.all([startConsole(env, base), startConsole(env, base + 1)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
    await Promise.all([pgProxy?.close(), redisProxy?.close(), upstreamProxy?.close()]);
    await upstream?.close();
  });

  const clients = (secret: string) => [a, b].map((p) => new OpenAI({ apiKey: secret, baseURL: `${p.url}/v1`, maxRetries: 0 }));

  it("a key revoked through one process is refused by the other within one second", async () => {
    const email = uniqueEmail("scale-revoke");
    const user = await f.makeUser(email);
    const { key, secret } = await f.makeKey(user.id);
    const [, viaB] = clients(secret);
    await ask(viaB!); // warm: B has the key cached
    const session = await signIn(a.url, email, "test-password-1");
    expect((await session.json(`/api/keys/${key.id}`, { method: "DELETE" })).status).toBe(200);
    const revokedAt = Date.now();
    let refusedAfter = -1;
    while (Date.now() - revokedAt < 3000) {
      const err = await ask(viaB!).then(() => null, (e: unknown) => e);
      if (err) {
        expect(err).toMatchObject({ status: 401 });
        refusedAfter = Date.now() - revokedAt;
        break;
      }
      await sleep(25);
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThan(1000);
  });

  it("failed redemption attempts count across both processes", async () => {
    const email = uniqueEmail("scale-guess");
    await f.makeUser(email);
    const sessions = await Promise.all([signIn(a.url, email, "test-password-1"), signIn(b.url, email, "test-password-1")]);
    const redeem = (i: number) => sessions[i % 2]!.json("/api/billing/redeem", { method: "POST", body: { code: `APX-AAAAA-BBBBB-CCCCC-DDDD${i}` } });
    // Five wrong guesses through each process: ten in all, the window's size.
    for (let i = 0; i < 10; i++) expect((await redeem(i)).status).toBe(400);
    expect((await redeem(10)).status).toBe(429);
    expect((await redeem(11)).status).toBe(429);
  });

  it("a per-key RPM limit holds across both processes combined", async () => {
    const user = await f.makeUser(uniqueEmail("scale-rpm"));
    const { secret } = await f.makeKey(user.id, { rpmLimit: 10 });
    const [viaA, viaB] = clients(secret);
    const results = [];
    for (let i = 0; i < 16; i++) results.push(await ask(i % 2 ? viaB! : viaA!).then(() => "ok", (e: { status?: number }) => e.status));
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    expect(results.filter((r) => r === 429)).toHaveLength(6);
  });

  it("quota reserved in one process counts in the other: no overspend across processes", async () => {
    const user = await f.makeUser(uniqueEmail("scale-quota"));
    const body = { max_tokens: 40 };
    const one = await ask(clients((await f.makeKey(user.id)).secret)[0]!, body);
    expect(one.usage).toBeDefined();
    // Room for about 6 requests of this size (reservation = estimate with max_tokens).
    const { key, secret } = await f.makeKey(user.id, { quotaLimit: 1200n });
    const [viaA, viaB] = clients(secret);
    const settled = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => ask(i % 2 ? viaB! : viaA!, body)));
    const ok = settled.filter((s) => s.status === "fulfilled").length;
    expect(ok).toBeGreaterThan(0);
    const rows = await f.usageRows(key.id, 30);
    const spent = rows.reduce((s, r) => s + r.cost, 0n);
    expect(spent).toBeLessThanOrEqual(1200n);
    expect(rows.filter((r) => r.status === 200)).toHaveLength(ok);
  });

  it("usage from both processes lands exactly once, and the ledger matches", async () => {
    const user = await f.makeUser(uniqueEmail("scale-usage"), { creditUsd: 20 });
    const { key, secret } = await f.makeKey(user.id);
    const [viaA, viaB] = clients(secret);
    await Promise.all(Array.from({ length: 40 }, (_, i) => ask(i % 2 ? viaB! : viaA!)));
    const rows = await f.usageRows(key.id, 40);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(40);
    await sleep(300);
    const after = await f.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const ledger = await f.db.ledgerEntry.findMany({ where: { userId: user.id } });
    expect(ledger.reduce((s, e) => s + e.amount, 0n)).toBe(after.balance);
    expect(after.balance).toBe(20_000_000n - rows.reduce((s, r) => s + r.cost, 0n));
  });

  it("an upstream that refuses connections gives 502 and charges nothing", async () => {
    const user = await f.makeUser(uniqueEmail("scale-upstream"));
    const { key, secret } = await f.makeKey(user.id);
    const [viaA] = clients(secret);
    await upstreamProxy.cut();
    try {
      await expect(ask(viaA!)).rejects.toMatchObject({ status: 502, code: "upstream_error" });
    } finally {
      await upstreamProxy.restore();
    }
    const [row] = await f.usageRows(key.id, 1);
    expect(row).toMatchObject({ status: 502, cost: 0n });
    await ask(viaA!);
  });

  it("Redis stopping falls back to per-process limits, says so, and recovers", async () => {
    const user = await f.makeUser(uniqueEmail("scale-redis"));
    const { secret } = await f.makeKey(user.id);
    const [viaA] = clients(secret);
    await redisProxy.cut();
    try {
      await sleep(300);
      await ask(viaA!); // still answers
      const health = (await (await fetch(`${a.url}/api/health`)).json()) as { redis: string; limits: string };
      expect(health).toMatchObject({ redis: "down", limits: "per-process" });
    } finally {
      await redisProxy.restore();
    }
    const deadline = Date.now() + 10_000;
    let redis = "";
    while (Date.now() < deadline && redis !== "ok") {
      redis = ((await (await fetch(`${a.url}/api/health`)).json()) as { redis: string }).redis;
      await sleep(200);
    }
    expect(redis).toBe("ok");
  });

  it("the database stopping: warm keys keep answering, usage is buffered and written when it is back; past the bound, 503", async () => {
    const user = await f.makeUser(uniqueEmail("scale-db"));
    const { key, secret } = await f.makeKey(user.id);
    const [viaA] = clients(secret);
    await ask(viaA!); // warm
    await pgProxy.cut();
    let served = 0;
    let refused: unknown = null;
    try {
      for (let i = 0; i < 60 && !refused; i++) {
        await ask(viaA!).then(
          () => served++,
          (e: unknown) => (refused = e),
        );
      }
      expect(served).toBeGreaterThanOrEqual(10);
      expect(refused).toMatchObject({ status: 503 });
      const health = await fetch(`${a.url}/api/health`);
      expect(health.status).toBe(503);
    } finally {
      await pgProxy.restore();
    }
    const rows = await f.usageRows(key.id, served + 1, undefined, 20_000);
    expect(rows.filter((r) => r.status === 200)).toHaveLength(served + 1);
  });

  it("SIGTERM drains in-flight streams and flushes their usage", async () => {
    const user = await f.makeUser(uniqueEmail("scale-drain"));
    const { key, secret } = await f.makeKey(user.id);
    const slow = new OpenAI({ apiKey: secret, baseURL: `${b.url}/v1`, maxRetries: 0, defaultHeaders: { "x-sim-interval-ms": "60", "x-sim-chunks": "15" } });
    const streams = Array.from({ length: 5 }, async () => {
      const s = await slow.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "drain" }] });
      let text = "";
      for await (const c of s) text += c.choices[0]?.delta?.content ?? "";
      return text;
    });
    await sleep(250);
    const exit = b.stop("SIGTERM");
    const texts = await Promise.all(streams);
    for (const t of texts) expect(t.length).toBeGreaterThan(20);
    expect(await exit).toBe(0);
    const rows = await f.usageRows(key.id, 5, undefined, 3000);
    expect(rows.filter((r) => r.status === 200 && r.stream)).toHaveLength(5);
  });
});
