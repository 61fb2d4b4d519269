// The key management API over HTTP with real sessions: every change takes effect on the very next
// /v1 request; someone else's key is a 404; no response carries a hash or a stored secret.
import OpenAI from "openai";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixtures, uniqueEmail } from "../support/fixtures";
import { signIn, type SessionClient } from "../support/session";

const consoleUrl = inject("consoleUrl");
const openai = (key: string) => new OpenAI({ apiKey: key, baseURL: `${consoleUrl}/v1`, maxRetries: 0 });
const chat = (key: string, model = "gpt-4o-mini") => openai(key).chat.completions.create({ model, messages: [{ role: "user", content: "hi" }] });

interface Created {
  key: { id: string; display: string; status: string; allowedModels: string[] };
  secret: string;
}

let a: SessionClient;
let b: SessionClient;

beforeAll(async () => {
  const f = await fixtures();
  const emailA = uniqueEmail("keys-a");
  const emailB = uniqueEmail("keys-b");
  await f.makeUser(emailA);
  await f.makeUser(emailB);
  a = await signIn(consoleUrl, emailA, "test-password-1");
  b = await signIn(consoleUrl, emailB, "test-password-1");
});

describe("key lifecycle", () => {
  it("create with an allowlist and quota, rotate, disable, enable, revoke: each effective at once", async () => {
    const created = await a.json<Created>("/api/keys", { method: "POST", body: { name: "ci", allowedModels: ["gpt-4o-mini"], quotaUsd: 1 } });
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    expect(secret).toMatch(/^sk-[A-Za-z0-9]{48}$/);
    expect(key.display).toBe(`sk-...${secret.slice(-4)}`);
    expect(JSON.stringify(created.body)).not.toMatch(/hash/i);

    await chat(secret);
    await expect(chat(secret, "gpt-4o")).rejects.toMatchObject({ status: 403, code: "model_access_denied" });

    const rotated = await a.json<Created>(`/api/keys/${key.id}/rotate`, { method: "POST" });
    expect(rotated.status).toBe(200);
    await expect(chat(secret)).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    const fresh = rotated.body.secret;
    await chat(fresh);

    expect((await a.json(`/api/keys/${key.id}`, { method: "PATCH", body: { status: "DISABLED" } })).status).toBe(200);
    await expect(chat(fresh)).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    await a.json(`/api/keys/${key.id}`, { method: "PATCH", body: { status: "ACTIVE" } });
    await chat(fresh);

    await a.json(`/api/keys/${key.id}`, { method: "PATCH", body: { allowedModels: [] } });
    await chat(fresh, "gpt-4o");

    const revoked = await a.json<{ status: string; revokedAt: string }>(`/api/keys/${key.id}`, { method: "DELETE" });
    expect(revoked.body.status).toBe("revoked");
    await expect(chat(fresh)).rejects.toMatchObject({ status: 401 });
    const list = await a.json<{ data: Array<{ id: string }> }>("/api/keys");
    expect(list.body.data.some((k) => k.id === key.id)).toBe(false);
    const withRevoked = await a.json<{ data: Array<{ id: string; usedUsd: number }> }>("/api/keys?include=revoked");
    expect(withRevoked.body.data.find((k) => k.id === key.id)?.usedUsd).toBeGreaterThan(0); // history stays
  });

  it("the default key's secret is shown once, and a new account has one", async () => {
    const list = await a.json<{ data: Array<{ id: string; name: string; revealPending: boolean; kind: string }> }>("/api/keys");
    const def = list.body.data.find((k) => k.name === "default")!;
    expect(def.revealPending).toBe(true);
    const first = await a.json<Created>(`/api/keys/${def.id}/reveal`, { method: "POST" });
    expect(first.status).toBe(200);
    await chat(first.body.secret);
    const second = await a.json<{ error: { code: string } }>(`/api/keys/${def.id}/reveal`, { method: "POST" });
    expect(second.status).toBe(409);
    expect(list.body.data.some((k) => k.kind === "subscription")).toBe(true);
  });
});

describe("ownership and validation", () => {
  it("user B cannot read, edit, rotate or revoke user A's key", async () => {
    const { body } = await a.json<Created>("/api/keys", { method: "POST", body: { name: "private" } });
    const id = body.key.id;
    for (const [path, method] of [[`/api/keys/${id}`, "GET"], [`/api/keys/${id}`, "PATCH"], [`/api/keys/${id}/rotate`, "POST"], [`/api/keys/${id}`, "DELETE"]] as const) {
      const res = await b.json<{ error: { code: string } }>(path, { method, body: method === "PATCH" ? { name: "mine" } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    await chat(body.secret); // still A's, still working
  });

  it("refuses a bad CIDR, a negative quota and a past expiry with clear messages", async () => {
    const cidr = await a.json<{ error: { code: string; message: string; param: string } }>("/api/keys", { method: "POST", body: { name: "x", allowedIps: ["10.0.0.0/33"] } });
    expect(cidr.status).toBe(400);
    expect(cidr.body.error.message).toContain("10.0.0.0/33 is not an IP address or CIDR block");
    const quota = await a.json<{ error: { message: string } }>("/api/keys", { method: "POST", body: { name: "x", quotaUsd: -5 } });
    expect(quota.status).toBe(400);
    expect(quota.body.error.message).toBe("Quota cannot be negative.");
    const past = await a.json<{ error: { message: string } }>("/api/keys", { method: "POST", body: { name: "x", expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe("Expiry must be in the future.");
    const unknown = await a.json<{ error: { message: string } }>("/api/keys", { method: "POST", body: { name: "x", allowedModels: ["gpt-42"] } });
    expect(unknown.status).toBe(400);
  });

  it("answers 401 without a session", async () => {
    const res = await fetch(`${consoleUrl}/api/keys`);
    expect(res.status).toBe(401);
  });
});

describe("playground door", () => {
  it("streams through the same core with the user's playground key and meters it", async () => {
    const res = await a.fetch("/api/playground/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hello" }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const text = await res.text();
    expect(text).toContain("data: [DONE]");
    const keys = await a.json<{ data: Array<{ purpose: string; usedUsd: number }> }>("/api/keys");
    expect(keys.body.data.some((k) => k.purpose === "playground")).toBe(true);
  });
});

describe("operator CLI against a running server", () => {
  it("a key revoked and credit granted with the CLI take effect in the running gateway at once", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const f = await fixtures();
    const email = uniqueEmail("cli");
    const user = await f.makeUser(email, { creditUsd: 1 });
    const { key, secret } = await f.makeKey(user.id);
    const credits = async () =>
      ((await (await fetch(`${consoleUrl}/v1/dashboard/billing/credits`, { headers: { authorization: `Bearer ${secret}` } })).json()) as { payg: { remaining_usd: number } }).payg.remaining_usd;
    const before = await credits(); // warm: the gateway now holds the balance in memory
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/console.ts", ...args], {
        env: { ...process.env, DATA_DIR: inject("dataDir"), DATABASE_URL: inject("databaseUrl"), APERTIS_API_KEY: "", LOG_LEVEL: "warn" },
      });
    await cli("credit:grant", "--email", email, "--usd", "2.5");
    const deadline = Date.now() + 2000;
    while ((await credits()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await credits()).toBeCloseTo(before + 2.5, 6);
    await cli("key:revoke", "--id", key.id);
    const revokedBy = Date.now() + 2000;
    let status = 200;
    while (status === 200 && Date.now() < revokedBy) {
      status = (await fetch(`${consoleUrl}/v1/models`, { headers: { authorization: `Bearer ${secret}` } })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(401);
  });
});
