// Usage, logs, CSV, billing and admin APIs over real HTTP: requests go through /v1 with the openai
// client, then a signed-in session reads them back through the console's own APIs.
import { randomUUID } from "node:crypto";
import OpenAI from "openai";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixtures, uniqueEmail } from "../support/fixtures";
import { signIn, type SessionClient } from "../support/session";
import { openSqlConn } from "@/lib/db/connect";
import type { UsageRecord } from "@/lib/gateway/types";
import { writeBatch } from "@/lib/gateway/usage-batch";
import { usdToMicros } from "@/lib/money";

const consoleUrl = inject("consoleUrl");
const PASSWORD = "test-password-1";
const ADMIN = { email: "admin@integration.test", password: "integration-admin-1" };

type Fixtures = Awaited<ReturnType<typeof fixtures>>;
type UsageRow = Awaited<ReturnType<Fixtures["usageRows"]>>[number];

let f: Fixtures;
let admin: SessionClient;

const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${consoleUrl}/v1`, maxRetries: 0 });
const usd = (micros: number | bigint) => Number(micros) / 1e6;

beforeAll(async () => {
  f = await fixtures();
  admin = await signIn(consoleUrl, ADMIN.email, ADMIN.password);
});

/** A user with two keys and a known set of requests: 3 + 1 successful chats and 1 refused call. */
async function userWithTraffic() {
  const email = uniqueEmail("usage");
  const user = await f.makeUser(email, { creditUsd: 20 });
  const main = await f.makeKey(user.id, { name: "main" });
  const second = await f.makeKey(user.id, { name: "second" });
  for (let i = 0; i < 3; i++) {
    await client(main.secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `Hello number ${i}` }] });
  }
  const stream = await client(second.secret).chat.completions.create({ model: "gpt-4.1-nano", messages: [{ role: "user", content: "Stream please" }], stream: true });
  for await (const _ of stream) {
    // drain: usage is recorded when the stream ends
  }
  await expect(client(main.secret).chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ status: 404 });
  const rows = [...(await f.usageRows(main.key.id, 4)), ...(await f.usageRows(second.key.id, 1))];
  expect(rows).toHaveLength(5);
  const session = await signIn(consoleUrl, email, PASSWORD);
  return { user, email, main, second, rows, session };
}

const sum = (rows: UsageRow[], pick: (r: UsageRow) => number | bigint) => rows.reduce((a, r) => a + Number(pick(r)), 0);

describe("usage, logs and CSV", () => {
  let t: Awaited<ReturnType<typeof userWithTraffic>>;
  beforeAll(async () => {
    t = await userWithTraffic();
  }, 60_000);

  it("refuses the APIs without a session", async () => {
    const res = await fetch(`${consoleUrl}/api/usage`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("sums exactly the requests made, in total, per key and per model, bucketed in the viewer's zone", async () => {
    const { status, body } = await t.session.json<{
      totals: { requests: number; errors: number; cost: number; promptTokens: number; completionTokens: number };
      headline: { requests: { value: number; previous: number } };
      series: Array<{ key: string; requests: number; cost: number }>;
      byKey: Array<{ keyId: string; name: string; requests: number; cost: number }>;
      byModel: Array<{ model: string; requests: number }>;
    }>("/api/usage?range=7d&tz=Pacific/Auckland");
    expect(status).toBe(200);
    expect(body.totals).toMatchObject({
      requests: 5,
      errors: 1,
      cost: sum(t.rows, (r) => r.cost),
      promptTokens: sum(t.rows, (r) => r.promptTokens),
      completionTokens: sum(t.rows, (r) => r.completionTokens),
    });
    expect(body.headline.requests).toMatchObject({ value: 5, previous: 0 });
    expect(body.series).toHaveLength(7);
    expect(body.series.reduce((a, p) => a + p.requests, 0)).toBe(5);
    // Today in Auckland is the last bucket, whatever the UTC date is.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());
    expect(body.series.at(-1)).toMatchObject({ key: today, requests: 5 });
    const byKey = Object.fromEntries(body.byKey.map((k) => [k.name, k.requests]));
    expect(byKey).toEqual({ main: 4, second: 1 });
    expect(body.byModel.map((m) => m.model).sort()).toEqual(["gpt-4.1-nano", "gpt-4o-mini", "no-such-model"]);

    const filtered = await t.session.json<{ totals: { requests: number } }>(`/api/usage?range=24h&keyId=${t.second.key.id}`);
    expect(filtered.body.totals.requests).toBe(1);
    const options = await t.session.json<{ models: string[]; keys: Array<{ name: string }> }>("/api/usage/options?range=7d");
    expect(options.body.models).toContain("gpt-4o-mini");
    expect(options.body.keys.map((k) => k.name)).toEqual(expect.arrayContaining(["main", "second", "default"]));
  });

  it("rejects a malformed filter with the parameter named", async () => {
    const { status, body } = await t.session.json<{ error: { code: string; param: string } }>("/api/usage?range=custom&from=2026-13-01&to=2026-01-01");
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_parameter", param: "from" });
    const tz = await t.session.json<{ error: { param: string } }>("/api/usage?tz=Mars/Base");
    expect(tz.status).toBe(400);
    expect(tz.body.error.param).toBe("tz");
  });

  it("lists every request newest first, pages by cursor and shows one request's detail", async () => {
    type Page = { items: Array<{ id: string; createdAt: string; model: string; status: number; upstreamRequestId: string | null; keyName: string }>; nextCursor: string | null };
    const all = await t.session.json<Page>("/api/logs?range=24h");
    expect(all.body.items).toHaveLength(5);
    const times = all.body.items.map((i) => Date.parse(i.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(all.body.items.map((i) => i.id))).toEqual(new Set(t.rows.map((r) => r.id)));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await t.session.json<Page>(`/api/logs?range=24h&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i) => i.id));

    const errors = await t.session.json<Page>("/api/logs?range=24h&status=error");
    expect(errors.body.items.map((i) => i.model)).toEqual(["no-such-model"]);

    const ok = all.body.items.find((i) => i.status === 200)!;
    const detail = await t.session.json<Page["items"][number]>(`/api/logs/${ok.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: ok.id, keyName: expect.any(String) });
    expect(detail.body.upstreamRequestId).toBeTruthy();
  });

  it("hides another user's request behind a 404", async () => {
    const other = await userWithTraffic();
    const res = await other.session.json<{ error: { code: string } }>(`/api/logs/${t.rows[0]!.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  }, 60_000);

  it("exports exactly those requests as CSV, then a totals row", async () => {
    const res = await t.session.fetch("/api/logs/export.csv?range=24h&tz=UTC");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="apertis-logs-.*\.csv"$/);
    const lines = (await res.text()).trim().split("\n");
    const header = lines[0]!.split(",");
    const records = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v])));
    expect(records).toHaveLength(6);
    const totals = records.at(-1)!;
    const data = records.slice(0, -1);
    expect(new Set(data.map((r) => r.request_id))).toEqual(new Set(t.rows.map((r) => r.requestId)));
    expect(totals).toMatchObject({
      time_utc: "TOTAL",
      request_id: "5 requests",
      status: "1 errors",
      prompt_tokens: String(sum(t.rows, (r) => r.promptTokens)),
      cost_usd: usd(sum(t.rows, (r) => r.cost)).toFixed(6),
    });
  });
});

describe("billing", () => {
  it("redeems a code once: the balance rises by its amount, a second try is refused", async () => {
    const email = uniqueEmail("redeem");
    await f.makeUser(email, { creditUsd: 1 });
    const session = await signIn(consoleUrl, email, PASSWORD);
    const made = await admin.json<{ codes: string[] }>("/api/admin/codes", { method: "POST", body: { count: 1, amountUsd: 7.5 } });
    expect(made.status).toBe(201);
    const code = made.body.codes[0]!;
    const before = (await session.json<{ balance: number }>("/api/billing")).body.balance;

    const first = await session.json<{ amount: number; balance: number }>("/api/billing/redeem", { method: "POST", body: { code: code.toLowerCase().replace(/-/g, " ") } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ amount: 7_500_000, balance: before + 7_500_000 });
    const billing = await session.json<{ balance: number; ledger: { items: Array<{ kind: string; amount: number }> } }>("/api/billing");
    expect(billing.body.balance).toBe(before + 7_500_000);
    expect(billing.body.ledger.items[0]).toMatchObject({ kind: "REDEEM", amount: 7_500_000 });

    const again = await session.json<{ error: { code: string; message: string } }>("/api/billing/redeem", { method: "POST", body: { code } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already redeemed/);
    const stranger = await admin.json<{ error: { code: string } }>("/api/billing/redeem", { method: "POST", body: { code } });
    expect(stranger.status).toBe(409);
    expect((await session.json<{ balance: number }>("/api/billing")).body.balance).toBe(before + 7_500_000);

    const nonsense = await session.json<{ error: { code: string; param: string } }>("/api/billing/redeem", { method: "POST", body: { code: "hello" } });
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.error.param).toBe("code");
  });

  it("answers 429 after ten failed redemptions in ten minutes, even for a good code; other people are not affected", async () => {
    const email = uniqueEmail("guesser");
    await f.makeUser(email, { creditUsd: 1 });
    const session = await signIn(consoleUrl, email, PASSWORD);
    const made = await admin.json<{ codes: string[] }>("/api/admin/codes", { method: "POST", body: { count: 2, amountUsd: 5 } });
    const [good, other] = made.body.codes as [string, string];
    const before = (await session.json<{ balance: number }>("/api/billing")).body.balance;
    const redeem = (client: SessionClient, code: string) => client.json<{ error: { code: string; type: string; message: string } }>("/api/billing/redeem", { method: "POST", body: { code } });

    // Sent together: the check and the count are one step, so no more than ten reach the code table.
    const statuses = await Promise.all(Array.from({ length: 15 }, (_, i) => redeem(session, `APX-AAAAA-BBBBB-CCCCC-DDD${10 + i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const res = await session.fetch("/api/billing/redeem", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: good }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(await res.json()).toMatchObject({ error: { code: "rate_limit_exceeded", type: "rate_limit_error", message: expect.stringMatching(/^Too many failed redemption attempts\. Try again in 10 minutes\.$/) } });
    expect((await session.json<{ balance: number }>("/api/billing")).body.balance).toBe(before);

    const neighbour = uniqueEmail("neighbour");
    await f.makeUser(neighbour, { creditUsd: 1 });
    expect((await redeem(await signIn(consoleUrl, neighbour, PASSWORD), other)).status).toBe(200);
  });

  it("does not count successful redemptions against the limit", async () => {
    const email = uniqueEmail("collector");
    await f.makeUser(email, { creditUsd: 1 });
    const session = await signIn(consoleUrl, email, PASSWORD);
    const made = await admin.json<{ codes: string[] }>("/api/admin/codes", { method: "POST", body: { count: 12, amountUsd: 1 } });
    for (const code of made.body.codes) {
      expect((await session.json("/api/billing/redeem", { method: "POST", body: { code } })).status).toBe(200);
    }
  });

  it("shows a plan change at once, in the console and to the gateway, and refuses what the balance cannot pay", async () => {
    const email = uniqueEmail("plans");
    const user = await f.makeUser(email, { creditUsd: 50, plan: "free" });
    const subKey = await f.subscriptionKey(user.id);
    // /v1/dashboard/billing/credits answers with any of the user's keys.
    const { secret } = await f.makeKey(user.id, { name: "credits" });
    const session = await signIn(consoleUrl, email, PASSWORD);
    type Billing = { balance: number; subscription: { plan: { slug: string }; cycleQuota: number; nextPlan: { slug: string } | null; cancelAtPeriodEnd: boolean; key: { id: string } } };

    const lite = await session.json<{ change: string; charged: number }>("/api/billing/subscribe", { method: "POST", body: { plan: "lite", cycle: "monthly" } });
    expect(lite.body).toMatchObject({ change: "start", charged: 12_000_000 });
    let billing = (await session.json<Billing>("/api/billing")).body;
    expect(billing.subscription.plan.slug).toBe("lite");
    expect(billing.balance).toBe(38_000_000);
    expect(billing.subscription.key.id).toBe(subKey.id);
    const credits = await (await fetch(`${consoleUrl}/v1/dashboard/billing/credits`, { headers: { authorization: `Bearer ${secret}` } })).json();
    expect(credits).toMatchObject({ payg: { remaining_usd: 38 }, subscription: { plan_type: "lite", cycle_quota_limit: 600 } });

    const pro = await session.json<{ change: string; charged: number }>("/api/billing/subscribe", { method: "POST", body: { plan: "pro", cycle: "monthly" } });
    expect(pro.body.change).toBe("upgrade");
    expect(pro.body.charged).toBeGreaterThan(12_900_000); // $13 price gap, prorated for the ~whole cycle left
    expect(pro.body.charged).toBeLessThanOrEqual(13_000_000);
    billing = (await session.json<Billing>("/api/billing")).body;
    expect(billing.subscription.plan.slug).toBe("pro");
    expect(billing.subscription.cycleQuota).toBeGreaterThan(890_000);

    const down = await session.json<{ change: string; charged: number }>("/api/billing/subscribe", { method: "POST", body: { plan: "lite", cycle: "monthly" } });
    expect(down.body).toMatchObject({ change: "schedule", charged: 0 });
    billing = (await session.json<Billing>("/api/billing")).body;
    expect(billing.subscription.plan.slug).toBe("pro");
    expect(billing.subscription.nextPlan?.slug).toBe("lite");

    const cancel = await session.json("/api/billing/cancel", { method: "POST", body: {} });
    expect(cancel.status).toBe(200);
    expect((await session.json<Billing>("/api/billing")).body.subscription.cancelAtPeriodEnd).toBe(true);

    const tooDear = await session.json<{ error: { code: string } }>("/api/billing/subscribe", { method: "POST", body: { plan: "max", cycle: "yearly" } });
    expect(tooDear.status).toBe(402);
    expect(tooDear.body.error.code).toBe("insufficient_balance");
    expect((await session.json<Billing>("/api/billing")).body.subscription.plan.slug).toBe("pro");

    const fallback = await session.json("/api/billing/fallback", { method: "POST", body: { enabled: true, capUsd: 5 } });
    expect(fallback.status).toBe(200);
    const settings = await session.json("/api/billing/settings", { method: "PATCH", body: { lowBalanceThresholdUsd: 30 } });
    expect(settings.status).toBe(200);
    const after = (await session.json<{ lowBalance: { low: boolean }; runway: Array<{ kind: string }> }>("/api/billing")).body;
    expect(after.lowBalance.low).toBe(true);
    expect(after.runway.map((r) => r.kind)).toEqual(expect.arrayContaining(["balance", "cycle_quota", "payg_cap"]));
  });
});

describe("admin", () => {
  it("answers 404 to anyone but an admin", async () => {
    const email = uniqueEmail("nosy");
    await f.makeUser(email);
    const session = await signIn(consoleUrl, email, PASSWORD);
    for (const [path, body] of [
      ["/api/admin/users", undefined],
      ["/api/admin/overview", undefined],
      ["/api/admin/prices", undefined],
      ["/api/admin/codes", { count: 1, amountUsd: 100 }],
    ] as const) {
      const res = await session.json<{ error: { code: string } }>(path, body ? { method: "POST", body } : {});
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const page = await session.fetch("/admin");
    expect(page.status).toBe(404);
  });

  it("finds a user, grants credit, suspends and reactivates them; the gateway follows at once", async () => {
    const email = uniqueEmail("managed");
    const user = await f.makeUser(email, { creditUsd: 2 });
    const key = await f.makeKey(user.id, { name: "managed" });
    await client(key.secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });

    const found = await admin.json<{ users: Array<{ id: string; email: string }>; total: number }>(`/api/admin/users?q=${encodeURIComponent(email.toUpperCase())}`);
    expect(found.body.users.map((u) => u.id)).toEqual([user.id]);

    const grant = await admin.json<{ balance: number }>(`/api/admin/users/${user.id}/grant`, { method: "POST", body: { amountUsd: 3, note: "Welcome" } });
    expect(grant.status).toBe(200);
    const ledger = await f.db.ledgerEntry.findFirstOrThrow({ where: { userId: user.id, kind: "GRANT", note: "Welcome" } });
    expect(ledger.amount).toBe(3_000_000n);
    expect(grant.body.balance).toBe(Number(ledger.balanceAfter));

    expect((await admin.json(`/api/admin/users/${user.id}`, { method: "PATCH", body: { status: "SUSPENDED" } })).status).toBe(200);
    await expect(client(key.secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({
      status: 403,
      code: "account_suspended",
    });
    expect((await admin.json(`/api/admin/users/${user.id}`, { method: "PATCH", body: { status: "ACTIVE" } })).status).toBe(200);
    await client(key.secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi again" }] });

    const plan = await admin.json(`/api/admin/users/${user.id}/plan`, { method: "POST", body: { plan: "pro" } });
    expect(plan.status).toBe(200);
    const sub = await f.db.subscription.findFirstOrThrow({ where: { userId: user.id }, include: { plan: true } });
    expect(sub.plan.slug).toBe("pro");
  });

  it("edits a plan: its rate limit reaches the gateway at once, its price the billing page; bad input is refused", async () => {
    type Plan = { slug: string; name: string; priceMonthly: number; rpm: number; features: string[]; public: boolean };
    const email = uniqueEmail("planned");
    const user = await f.makeUser(email, { creditUsd: 5, plan: "plus" });
    const { secret } = await f.makeKey(user.id, { name: "plus" });
    const plus = (await admin.json<Plan[]>("/api/admin/plans")).body.find((p) => p.slug === "plus")!;
    const session = await signIn(consoleUrl, email, PASSWORD);
    try {
      const edited = await admin.json<Plan>("/api/admin/plans/plus", { method: "PATCH", body: { rpm: 2, priceUsd: 61.5, features: ["One", "Two"] } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ slug: "plus", rpm: 2, priceMonthly: 61_500_000, features: ["One", "Two"] });

      // The gateway reloads its catalog on the event; the request that notices may still see the old limit.
      const chat = () => client(secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
      let served = 0;
      let refused: unknown;
      while (served < 5 && !refused) await chat().then(() => served++, (err: unknown) => (refused = err));
      expect(served).toBeGreaterThanOrEqual(2);
      expect(served).toBeLessThanOrEqual(3);
      expect(refused).toMatchObject({ status: 429, code: "rate_limit_exceeded" });

      const billing = await session.json<{ plans: Plan[] }>("/api/billing");
      expect(billing.body.plans.find((p) => p.slug === "plus")).toMatchObject({ priceMonthly: 61_500_000, features: ["One", "Two"] });

      for (const body of [{ rpm: 0 }, { priceUsd: -1 }, { name: "" }, { rpm: "fast" }]) {
        expect((await admin.json(`/api/admin/plans/plus`, { method: "PATCH", body })).status).toBe(400);
      }
      expect((await admin.json(`/api/admin/plans/no-such-plan`, { method: "PATCH", body: { rpm: 10 } })).status).toBe(404);
      expect((await session.json(`/api/admin/plans/plus`, { method: "PATCH", body: { rpm: 100_000 } })).status).toBe(404);
    } finally {
      await admin.json("/api/admin/plans/plus", { method: "PATCH", body: { rpm: plus.rpm, priceUsd: plus.priceMonthly / 1e6, features: plus.features } });
    }
    expect((await f.db.plan.findUniqueOrThrow({ where: { slug: "plus" } })).rpm).toBe(plus.rpm);
  });

  it("edits and adds model prices, and sees the whole console's usage", async () => {
    const prices = await admin.json<Array<{ id: string; model: string }>>("/api/admin/prices");
    const nano = prices.body.find((p) => p.model === "gpt-4.1-nano")!;
    const edited = await admin.json<{ inputPrice: number }>(`/api/admin/prices/${nano.id}`, { method: "PATCH", body: { inputUsd: 0.1 } });
    expect(edited.body.inputPrice).toBe(100_000);
    const model = `custom-${Date.now()}`;
    const added = await admin.json<{ model: string }>("/api/admin/prices", { method: "POST", body: { model, ownedBy: "acme", modality: "chat", tier: "pro", inputUsd: 1, outputUsd: 2 } });
    expect(added.status).toBe(201);
    const dup = await admin.json<{ error: { code: string } }>("/api/admin/prices", { method: "POST", body: { model, ownedBy: "acme", modality: "chat", tier: "pro" } });
    expect(dup.status).toBe(409);

    const overview = await admin.json<{ totals: { requests: number }; accounts: { users: number } }>("/api/admin/overview?range=7d");
    expect(overview.status).toBe(200);
    expect(overview.body.totals.requests).toBeGreaterThanOrEqual(5);
    expect(overview.body.accounts.users).toBeGreaterThan(1);
  });
});

describe("usage writer batch", () => {
  const record = (over: Partial<UsageRecord> & Pick<UsageRecord, "userId" | "keyId">): UsageRecord => ({
    requestId: `req_${randomUUID().replace(/-/g, "")}`,
    createdAt: new Date(),
    subscriptionId: null,
    model: "gpt-4o-mini",
    endpoint: "chat.completions",
    source: "API",
    status: 200,
    errorCode: null,
    promptTokens: 12,
    completionTokens: 30,
    cost: 0n,
    quotaCost: 0n,
    latencyMs: 40,
    ttfbMs: 9,
    stream: false,
    upstreamRequestId: null,
    clientIp: "127.0.0.1",
    ...over,
  });

  async function open() {
    const { env } = await import("@/lib/env");
    return openSqlConn(env().DATABASE_URL);
  }

  it("settles exactly, and adds to the hour's rollup that Prisma wrote rather than beside it", async () => {
    const user = await f.makeUser(uniqueEmail("batch"), { creditUsd: 10 });
    const { key } = await f.makeKey(user.id, { name: "batch" });
    const sub = await f.db.subscription.findFirstOrThrow({ where: { userId: user.id } });
    const now = new Date();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    await f.db.usageRollup.create({
      data: { userId: user.id, hour, keyId: key.id, model: "gpt-4o-mini", endpoint: "chat.completions", requests: 2, cost: 100n, promptTokens: 5n },
    });
    const streamed = record({ userId: user.id, keyId: key.id, createdAt: now, cost: 300n, stream: true });
    const failed = record({ userId: user.id, keyId: key.id, createdAt: now, status: 502, errorCode: "upstream_error", promptTokens: 0, completionTokens: 0 });
    const onPlan = record({ userId: user.id, keyId: key.id, createdAt: now, subscriptionId: sub.id, cost: 50n, quotaCost: 1500n });
    const batch = [streamed, failed, onPlan];
    const conn = await open();
    try {
      await writeBatch(conn, batch);
    } finally {
      await conn.close();
    }

    const rollups = await f.db.usageRollup.findMany({ where: { userId: user.id } });
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ requests: 5, errors: 1, cost: 450n, quotaCost: 1500n, promptTokens: 5n + 24n, completionTokens: 60n });
    const logs = await f.db.usageLog.findMany({ where: { userId: user.id }, orderBy: { cost: "asc" } });
    expect(logs.map((l) => [l.requestId, l.createdAt.getTime(), l.cost, l.stream, l.totalTokens])).toEqual(
      [failed, onPlan, streamed].map((r) => [r.requestId, now.getTime(), r.cost, r.stream, r.promptTokens + r.completionTokens]),
    );
    const after = await f.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.balance).toBe(usdToMicros(10) - 350n);
    const ledger = await f.db.ledgerEntry.findMany({ where: { userId: user.id, kind: "USAGE" } });
    expect(ledger.map((l) => [l.amount, l.balanceAfter])).toEqual([[-350n, after.balance]]);
    expect((await f.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).quotaUsed).toBe(350n);
    const subAfter = await f.db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect([subAfter.cycleUsed - sub.cycleUsed, subAfter.paygUsed - sub.paygUsed]).toEqual([1500n, 50n]);
  });

  it("writes nothing of a batch that fails part way, and each record only once", async () => {
    const user = await f.makeUser(uniqueEmail("batch-fail"), { creditUsd: 10 });
    const { key } = await f.makeKey(user.id, { name: "batch-fail" });
    const conn = await open();
    try {
      const good = record({ userId: user.id, keyId: key.id, cost: 10n });
      await expect(writeBatch(conn, [good, record({ userId: "no-such-user", keyId: key.id, cost: 10n })])).rejects.toThrow();
      // The same connection is usable after the rollback.
      await writeBatch(conn, [good]);
      // A batch that comes back after its commit went unacknowledged, now with a newer record:
      // only the newer one is written and charged.
      await writeBatch(conn, [good, record({ userId: user.id, keyId: key.id, cost: 7n })]);
    } finally {
      await conn.close();
    }
    expect(await f.db.usageLog.count({ where: { keyId: key.id } })).toBe(2);
    expect((await f.db.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(usdToMicros(10) - 17n);
    expect((await f.db.ledgerEntry.findMany({ where: { userId: user.id, kind: "USAGE" } })).map((l) => l.amount).sort()).toEqual([-10n, -7n].sort());
  });
});
