// The /v1 gateway over real HTTP, driven by the official OpenAI and Anthropic SDKs, against the
// local upstream and the console's real database.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI, { toFile } from "openai";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { tokenCost } from "@/lib/billing/cost";
import { catalog } from "@/lib/catalog/models";
import { usdToMicros } from "@/lib/money";
import { fixtures, uniqueEmail } from "../support/fixtures";

const consoleUrl = inject("consoleUrl");
const upstreamUrl = inject("upstreamUrl");
const simBase = upstreamUrl.replace(/\/v1$/, "");

function client(apiKey: string, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) {
  return new OpenAI({ apiKey, baseURL: `${consoleUrl}/v1`, maxRetries: 0, ...extra });
}

const priceOf = (model: string) => {
  const m = catalog.find((c) => c.id === model)!;
  return { inputPrice: usdToMicros(m.input ?? 0), outputPrice: usdToMicros(m.output ?? 0) };
};

async function simStats() {
  return (await (await fetch(`${simBase}/__sim/stats`)).json()) as { requests: number; cancellations: number; lastRequest?: { headers: Record<string, string>; body?: Record<string, unknown> } };
}

let f: Awaited<ReturnType<typeof fixtures>>;
let userId: string;
let secret: string;
let keyId: string;

beforeAll(async () => {
  f = await fixtures();
  const user = await f.makeUser(uniqueEmail("gw"), { creditUsd: 50 });
  userId = user.id;
  const k = await f.makeKey(userId, { name: "main" });
  secret = k.secret;
  keyId = k.key.id;
});

describe("models", () => {
  it("lists the catalog and finds one model", async () => {
    const openai = client(secret);
    const list = await openai.models.list();
    const ids = list.data.map((m) => m.id);
    expect(ids).toContain("gpt-4o-mini");
    expect(ids).toContain("whisper-1");
    const one = await openai.models.retrieve("gpt-4o-mini");
    expect(one.owned_by).toBe("openai");
    await expect(openai.models.retrieve("no-such-model")).rejects.toMatchObject({ status: 404, code: "model_not_found" });
  });
});

describe("chat completions", () => {
  it("answers without streaming, writes a usage row and charges its exact cost", async () => {
    const openai = client(secret);
    const res = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello" }] });
    const text = res.choices[0]!.message.content!;
    expect(text).toContain("Simulated");
    const usage = res.usage!;
    const [row] = await f.usageRows(keyId, 1, (r) => r.model === "gpt-4o-mini" && !r.stream);
    if (!row) throw new Error("no usage row");
    expect(row.status).toBe(200);
    expect(row.promptTokens).toBe(usage.prompt_tokens);
    expect(row.completionTokens).toBe(usage.completion_tokens);
    expect(row.cost).toBe(tokenCost(priceOf("gpt-4o-mini"), usage.prompt_tokens, usage.completion_tokens));
    expect(row.endpoint).toBe("/chat/completions");
  });

  it("streams the same text in pieces, meters it, and hides the usage chunk unless asked", async () => {
    const openai = client(secret);
    const messages = [{ role: "user" as const, content: "Tell me about streams" }];
    const plain = await openai.chat.completions.create({ model: "gpt-4o-mini", messages });
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true });
    let text = "";
    let pieces = 0;
    let sawUsage = false;
    for await (const chunk of stream) {
      if (chunk.usage) sawUsage = true;
      const d = chunk.choices[0]?.delta?.content;
      if (d) {
        text += d;
        pieces++;
      }
    }
    expect(text).toBe(plain.choices[0]!.message.content);
    expect(pieces).toBeGreaterThan(3);
    expect(sawUsage).toBe(false);
    // The gateway asked the upstream for usage even though the client did not.
    expect((await simStats()).lastRequest?.body?.stream_options).toEqual({ include_usage: true });

    const withUsage = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true, stream_options: { include_usage: true } });
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of withUsage) if (chunk.usage) usage = chunk.usage;
    expect(usage?.completion_tokens).toBe(plain.usage!.completion_tokens);

    const streamed = await f.usageRows(keyId, 2, (r) => r.stream && r.model === "gpt-4o-mini");
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    for (const r of streamed) {
      expect(r.completionTokens).toBe(plain.usage!.completion_tokens);
      expect(r.cost).toBe(tokenCost(priceOf("gpt-4o-mini"), r.promptTokens, r.completionTokens));
      expect(r.ttfbMs).not.toBeNull();
    }
  });
});

describe("other endpoints", () => {
  it("responses, stream and not", async () => {
    const openai = client(secret);
    const res = await openai.responses.create({ model: "gpt-4.1-mini", input: "What is a gateway?" });
    expect(res.output_text).toContain("Simulated");
    const stream = await openai.responses.create({ model: "gpt-4.1-mini", input: "What is a gateway?", stream: true });
    let text = "";
    let completed = false;
    for await (const ev of stream) {
      if (ev.type === "response.output_text.delta") text += ev.delta;
      if (ev.type === "response.completed") completed = true;
    }
    expect(completed).toBe(true);
    expect(text).toBe(res.output_text);
  });

  it("Anthropic messages with x-api-key, stream and not", async () => {
    const anthropic = new Anthropic({ apiKey: secret, baseURL: consoleUrl, maxRetries: 0 });
    const msg = await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 200, messages: [{ role: "user", content: "Hello Claude" }] });
    const first = msg.content[0];
    expect(first?.type === "text" && first.text).toContain("Simulated");
    expect(msg.usage.output_tokens).toBeGreaterThan(0);
    const stream = anthropic.messages.stream({ model: "claude-haiku-4-5", max_tokens: 200, messages: [{ role: "user", content: "Hello Claude" }] });
    const final = await stream.finalMessage();
    expect(final.usage.output_tokens).toBe(msg.usage.output_tokens);
    const rows = await f.usageRows(keyId, 1, (r) => r.model === "claude-haiku-4-5" && r.stream);
    expect(rows[0]?.completionTokens).toBe(msg.usage.output_tokens);
  });

  it("embeddings (base64, decoded by the SDK)", async () => {
    const res = await client(secret).embeddings.create({ model: "text-embedding-3-small", input: ["one", "two"] });
    expect(res.data).toHaveLength(2);
    expect(res.data[0]!.embedding.length).toBe(1536);
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("images as b64_json and as url", async () => {
    const openai = client(secret);
    const b64 = await openai.images.generate({ model: "dall-e-3", prompt: "a lighthouse", response_format: "b64_json", size: "1024x1024" });
    const png = Buffer.from(b64.data![0]!.b64_json!, "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const url = await openai.images.generate({ model: "dall-e-2", prompt: "a lighthouse", response_format: "url", n: 2, size: "256x256" });
    expect(url.data).toHaveLength(2);
    const fetched = await fetch(url.data![0]!.url!);
    expect(fetched.headers.get("content-type")).toContain("image/png");
    const rows = await f.usageRows(keyId, 2, (r) => r.model.startsWith("dall-e"));
    expect(rows.find((r) => r.model === "dall-e-3")?.cost).toBe(40_000n);
    expect(rows.find((r) => r.model === "dall-e-2")?.cost).toBe(32_000n);
  });

  it("speech returns audio bytes with their content type", async () => {
    const res = await client(secret).audio.speech.create({ model: "tts-1", voice: "alloy", input: "Hello from the console", response_format: "wav" });
    expect(res.headers.get("content-type")).toContain("audio/wav");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    const rows = await f.usageRows(keyId, 1, (r) => r.model === "tts-1");
    expect(rows[0]?.cost).toBe(BigInt(Math.ceil(("Hello from the console".length * 15_000_000) / 1_000_000)));
  });

  it("transcribes a multipart upload", async () => {
    const wav = makeWav(2); // 2 seconds
    const res = await client(secret).audio.transcriptions.create({ model: "whisper-1", file: await toFile(wav, "clip.wav", { type: "audio/wav" }), response_format: "verbose_json" });
    expect(res.text).toContain("Simulated");
    expect((res as unknown as { duration: number }).duration).toBeCloseTo(2, 1);
    const rows = await f.usageRows(keyId, 1, (r) => r.model === "whisper-1");
    expect(rows[0]?.cost).toBe(200n); // 2 s of $0.006/min
  });
});

describe("errors", () => {
  it("401 for a missing, malformed, unknown, expired or revoked key", async () => {
    const noKey = await fetch(`${consoleUrl}/v1/models`);
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { error: { code: string } }).error.code).toBe("missing_api_key");
    await expect(client("sk-" + "x".repeat(40)).models.list()).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    await expect(client("not-a-key").models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const expired = await f.makeKey(userId, { expiresAt: new Date(Date.now() - 1000) });
    await expect(client(expired.secret).models.list()).rejects.toMatchObject({ status: 401, code: "expired_api_key" });
    const revoked = await f.makeKey(userId);
    await f.db.apiKey.update({ where: { id: revoked.key.id }, data: { revokedAt: new Date() } });
    await expect(client(revoked.secret).models.list()).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
  });

  it("403 for a model outside the allowlist and an IP outside the IP list", async () => {
    const k = await f.makeKey(userId, { allowedModels: ["gpt-4o-mini"] });
    await client(k.secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    await expect(client(k.secret).chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 403, code: "model_access_denied" });
    const ip = await f.makeKey(userId, { allowedIps: ["10.1.0.0/16"] });
    await expect(client(ip.secret).models.list()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    const local = await f.makeKey(userId, { allowedIps: ["127.0.0.0/8"] });
    expect((await client(local.secret).models.list()).data.length).toBeGreaterThan(10);
  });

  it("402 when the key quota or the balance cannot cover the request", async () => {
    const k = await f.makeKey(userId, { quotaLimit: 10n });
    await expect(client(k.secret).chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 402, code: "quota_exceeded" });
    const poor = await f.makeUser(uniqueEmail("poor"), { creditUsd: 0 });
    const pk = await f.makeKey(poor.id);
    await expect(client(pk.secret).chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 402, code: "insufficient_balance" });
  });

  it("404 for an unknown model or endpoint, 400 for bad JSON and out-of-range parameters", async () => {
    const openai = client(secret);
    await expect(openai.chat.completions.create({ model: "gpt-99", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 404, code: "model_not_found" });
    const unknown = await fetch(`${consoleUrl}/v1/nope`, { headers: { authorization: `Bearer ${secret}` } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("endpoint_not_found");
    const bad = await fetch(`${consoleUrl}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    await expect(openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 3, messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 400, code: "invalid_parameter", param: "temperature" });
    await expect(openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    // A parameter of the wrong type is invalid, not missing.
    const post = (body: unknown) =>
      fetch(`${consoleUrl}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, error: ((await r.json()) as { error: { code: string; param: string } }).error }),
      );
    expect(await post({ model: "gpt-4o-mini", messages: "hi" })).toMatchObject({ status: 400, error: { code: "invalid_parameter", param: "messages" } });
    expect(await post({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], temperature: "hot" })).toMatchObject({ status: 400, error: { code: "invalid_parameter", param: "temperature" } });
    expect(await post({ model: "gpt-4o-mini" })).toMatchObject({ status: 400, error: { code: "missing_parameter", param: "messages" } });
  });

  it("413 for a body over the limit", async () => {
    const big = "x".repeat(11 * 1024 * 1024);
    await expect(client(secret).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: big }] })).rejects.toMatchObject({ status: 413 });
  });

  it("429 with Retry-After past the key's requests per minute", async () => {
    const k = await f.makeKey(userId, { rpmLimit: 2 });
    const openai = client(k.secret);
    await openai.models.list();
    await openai.models.list();
    const err = await openai.models.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (err as InstanceType<typeof OpenAI.RateLimitError>).headers;
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
    expect(headers.get("x-ratelimit-limit")).toBe("2");
  });

  it("502 when the upstream fails and 504 when it is too slow, charging nothing", async () => {
    const k = await f.makeKey(userId, { name: "faults" });
    const failing = client(k.secret, { defaultHeaders: { "x-sim-fault": "500" } });
    await expect(failing.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 502, code: "upstream_error" });
    const slow = client(k.secret, { defaultHeaders: { "x-sim-fault": "slow-first-byte", "x-sim-delay-ms": "3000", "x-timeout": "1" } });
    await expect(slow.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 504 });
    const malformed = client(k.secret, { defaultHeaders: { "x-sim-fault": "malformed" } });
    await expect(malformed.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 502 });
    const rows = await f.usageRows(k.key.id, 3);
    expect(rows.map((r) => r.status).sort()).toEqual([502, 502, 504]);
    expect(rows.every((r) => r.cost === 0n)).toBe(true);
  });

  it("maps the upstream's own refusals: its 429 keeps Retry-After, new-api's quota error is not the client's fault", async () => {
    const k = await f.makeKey(userId, { name: "upstream-codes" });
    const limited = client(k.secret, { defaultHeaders: { "x-sim-fault": "429" } });
    const err = await limited.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect((err as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("2");
    const quota = client(k.secret, { defaultHeaders: { "x-sim-fault": "quota" } });
    const q = await quota.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(q).toMatchObject({ status: 503, code: "service_unavailable" });
    expect((q as Error).message).not.toContain("request id");
    const rows = await f.usageRows(k.key.id, 2);
    expect(rows.every((r) => r.cost === 0n)).toBe(true);
  });

  it("a stream cut by the upstream ends with an error the SDK reports, and is logged", async () => {
    const k = await f.makeKey(userId, { name: "cut" });
    const openai = client(k.secret, { defaultHeaders: { "x-sim-fault": "cut" } });
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream: true });
    let received = "";
    const failure = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta?.content ?? "";
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(received.length).toBeGreaterThan(0);
    const [row] = await f.usageRows(k.key.id, 1);
    expect(row?.status).toBe(502);
    expect(row?.completionTokens).toBeGreaterThan(0); // what was consumed is metered
  });
});

describe("concurrency and settlement", () => {
  it("50 parallel requests on a key with room for 10 spend no more than 10 allow", async () => {
    // max_tokens bounds the reservation; each answer costs at most the reserved amount.
    const body = { model: "gpt-4o", max_tokens: 50, messages: [{ role: "user" as const, content: "count" }] };
    const bytes = Buffer.byteLength(JSON.stringify(body));
    const perRequest = tokenCost(priceOf("gpt-4o"), Math.ceil(bytes / 3), 50);
    const k = await f.makeKey(userId, { quotaLimit: perRequest * 10n });
    const openai = client(k.secret);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => openai.chat.completions.create(body)));
    const ok = results.filter((r) => r.status === "fulfilled").length;
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(ok).toBeLessThanOrEqual(10);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 402 });
    const rows = await f.usageRows(k.key.id, 50);
    expect(rows).toHaveLength(50);
    const spent = rows.reduce((s, r) => s + r.cost, 0n);
    expect(spent).toBeLessThanOrEqual(perRequest * 10n);
    const key = await f.db.apiKey.findUniqueOrThrow({ where: { id: k.key.id } });
    expect(key.quotaUsed).toBe(spent);
  });

  it("N concurrent requests give exactly N usage rows, and the ledger matches the balance", async () => {
    const user = await f.makeUser(uniqueEmail("ledger"), { creditUsd: 10 });
    const k = await f.makeKey(user.id);
    const openai = client(k.secret);
    const n = 30;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        i % 2
          ? openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `question ${i}` }] })
          : (async () => {
              const s = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `question ${i}` }], stream: true });
              for await (const _ of s) void _;
            })(),
      ),
    );
    const rows = await f.usageRows(k.key.id, n);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(n);
    const spent = rows.reduce((s, r) => s + r.cost, 0n);
    // Balance and ledger settle with the last flush; give it a moment.
    await new Promise((r) => setTimeout(r, 500));
    const after = await f.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.balance).toBe(usdToMicros(10) - spent);
    const ledger = await f.db.ledgerEntry.findMany({ where: { userId: user.id } });
    expect(ledger.reduce((s, e) => s + e.amount, 0n)).toBe(after.balance);
  });

  it("a client that aborts a stream aborts the upstream and is metered for what it got", async () => {
    const k = await f.makeKey(userId, { name: "abort" });
    const before = (await simStats()).cancellations;
    const openai = client(k.secret, { defaultHeaders: { "x-sim-interval-ms": "100", "x-sim-chunks": "40" } });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "long" }], stream: true }, { signal: controller.signal });
    let pieces = 0;
    await (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta?.content) pieces++;
        if (pieces === 3) controller.abort();
      }
    })().catch(() => undefined);
    const deadline = Date.now() + 3000;
    while ((await simStats()).cancellations <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await simStats()).cancellations).toBeGreaterThan(before);
    const [row] = await f.usageRows(k.key.id, 1);
    expect(row?.status).toBe(499);
    expect(row?.completionTokens).toBeGreaterThan(0);
    expect(row?.cost).toBeGreaterThan(0n);
  });
});

describe("subscriptions and credits", () => {
  it("an sk-sub- key lists only its plan's models and spends plan requests", async () => {
    const user = await f.makeUser(uniqueEmail("sub"), { plan: "free" });
    const sub = await f.subscriptionKey(user.id);
    // The secret of a subscription key is only ever shown once; mint a fresh one for the test.
    const { replaceSecret } = await import("@/lib/keys/store");
    const { secret: subSecret } = await f.db.$transaction((tx) => replaceSecret(tx, sub.id, "SUBSCRIPTION"));
    expect(subSecret.startsWith("sk-sub-")).toBe(true);
    const openai = client(subSecret);
    const models = (await openai.models.list()).data as Array<{ id: string; tier?: string }>;
    expect(models.every((m) => m.tier === "free")).toBe(true);
    await openai.chat.completions.create({ model: "gpt-4.1-nano", messages: [{ role: "user", content: "hi" }] });
    await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 403, code: "model_access_denied" });
    const rows = await f.usageRows(sub.id, 1);
    const ok = rows.find((r) => r.status === 200)!;
    expect(ok.quotaCost).toBe(250n);
    expect(ok.cost).toBe(0n);
    const credits = await (await fetch(`${consoleUrl}/v1/dashboard/billing/credits`, { headers: { authorization: `Bearer ${subSecret}` } })).json();
    expect(credits).toMatchObject({ object: "billing_credits", payg: { remaining_usd: 5, used_usd: 0, total_usd: 5 }, subscription: { plan_type: "free", cycle_quota_limit: 100, cycle_quota_used: 0.25 } });
    const sub0 = await f.db.subscription.findFirstOrThrow({ where: { userId: user.id } });
    expect(credits.subscription.cycle_start).toBe(sub0.cycleStart.toISOString());
    expect(credits.subscription.cycle_end).toBe(sub0.cycleEnd.toISOString());
    expect(credits.payg.monthly_limit_usd).toBeUndefined(); // this key has no monthly budget
  });

  it("credits report what usage has cost the balance, written or not, and the key's monthly budget", async () => {
    const user = await f.makeUser(uniqueEmail("credits"), { creditUsd: 5 });
    const { key, secret } = await f.makeKey(user.id, { monthlyBudget: f.usd(2) });
    const credits = async () =>
      (await (await fetch(`${consoleUrl}/v1/dashboard/billing/credits`, { headers: { authorization: `Bearer ${secret}` } })).json()) as {
        payg: { remaining_usd: number; used_usd: number; total_usd: number; monthly_limit_usd: number; monthly_used_usd: number };
      };
    expect((await credits()).payg).toEqual({ remaining_usd: 5, used_usd: 0, total_usd: 5, is_unlimited: false, monthly_limit_usd: 2, monthly_used_usd: 0 });
    const openai = client(secret);
    for (let i = 0; i < 3; i++) await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    // Asked at once (usage not yet written) and after the writer's flush: the same figures.
    const early = (await credits()).payg;
    const rows = await f.usageRows(key.id, 3);
    const cost = f.microsToUsd(rows.reduce((s, r) => s + r.cost, 0n));
    expect(cost).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    const late = (await credits()).payg;
    for (const p of [early, late]) {
      expect(p.used_usd).toBeCloseTo(cost, 9);
      expect(p.remaining_usd).toBeCloseTo(5 - cost, 9);
      expect(p.total_usd).toBeCloseTo(5, 9);
      expect(p.monthly_limit_usd).toBe(2);
      expect(p.monthly_used_usd).toBeCloseTo(cost, 9);
    }
  });
});

/** A 16 kHz mono 16-bit WAV of silence, `seconds` long. */
function makeWav(seconds: number): Buffer {
  const rate = 16_000;
  const data = rate * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + data, 4);
  b.write("WAVE", 8);
  b.write("fmt ", 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36);
  b.writeUInt32LE(data, 40);
  return b;
}
