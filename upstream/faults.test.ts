// Fault injection, cancellations and limits, seen through the official clients as a gateway would.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUpstream, type Upstream } from "./server";

const KEY = "sk-simtest-faults-0123456789abcdef";
const messages = [{ role: "user" as const, content: "Hello?" }];
let upstream: Upstream;
let openai: OpenAI;

beforeAll(async () => {
  upstream = await createUpstream({ chunkIntervalMs: 1 });
  openai = new OpenAI({ baseURL: upstream.url, apiKey: KEY, maxRetries: 0 });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const withFault = (fault: string, extra: Record<string, string> = {}) => ({ headers: { "x-sim-fault": fault, ...extra } });

async function settled(): Promise<ReturnType<Upstream["stats"]>> {
  // Close events land a tick after the client sees the end of the response.
  for (let i = 0; i < 50 && upstream.stats().inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
  return upstream.stats();
}

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
  let chunks = 0;
  for await (const _ of stream) chunks++;
  return chunks;
}

describe("error faults", () => {
  it.each([
    ["500", 500, "internal_error", OpenAI.InternalServerError],
    ["503", 503, "service_unavailable", OpenAI.InternalServerError],
    ["429", 429, "rate_limit_exceeded", OpenAI.RateLimitError],
    ["quota", 403, "insufficient_user_quota", OpenAI.PermissionDeniedError],
  ] as const)("fault %s answers %i %s", async (fault, status, code, errorClass) => {
    const error = await openai.chat.completions.create({ model: "gpt-4o", messages }, withFault(fault)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(status);
    expect(apiError.code).toBe(code);
    expect(apiError.headers?.get("x-apertis-simulated")).toBe("1");
    if (fault === "429") expect(apiError.headers?.get("retry-after")).toBe("2");
    if (fault === "quota") {
      expect(apiError.type).toBe("new_api_error");
      expect(apiError.message).toMatch(/user quota is not enough \(request id: sim-[\w-]+\)/);
    }
  });

  it("takes the fault from a sim-fault-* model id too, and rejects unknown faults", async () => {
    const error = await openai.chat.completions.create({ model: "sim-fault-500", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    const unknown = await openai.chat.completions.create({ model: "gpt-4o", messages }, withFault("explode")).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("faults the Anthropic route and GET routes alike", async () => {
    const anthropic = new Anthropic({ baseURL: upstream.url.replace(/\/v1$/, ""), apiKey: KEY, maxRetries: 0 });
    const error = await anthropic.messages.create({ model: "sim-fault-429", max_tokens: 10, messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const models = await openai.models.list(withFault("503")).catch((e: unknown) => e);
    expect(models).toBeInstanceOf(OpenAI.InternalServerError);
  });
});

describe("timing faults", () => {
  it("delays the first byte by x-sim-delay-ms", async () => {
    const started = Date.now();
    await openai.chat.completions.create({ model: "gpt-4o", messages }, withFault("slow-first-byte", { "x-sim-delay-ms": "300" }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("hangs until the client gives up, which counts as a cancellation", async () => {
    const error = await openai.chat.completions.create({ model: "gpt-4o", messages }, { ...withFault("hang"), timeout: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(await settled()).toMatchObject({ requests: 1, completed: 0, cancellations: 1, inFlight: 0 });
  });

  it("counts a client abort mid-stream as a cancellation and stops streaming", async () => {
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: "gpt-4o", messages, stream: true },
      { signal: controller.signal, headers: { "x-sim-interval-ms": "100" } },
    );
    let seen = 0;
    // The SDK ends an aborted stream quietly rather than throwing.
    for await (const _ of stream) if (++seen === 2) controller.abort();
    expect(seen).toBe(2);
    expect(await settled()).toMatchObject({ requests: 1, completed: 0, cancellations: 1, inFlight: 0 });
  });
});

describe("broken responses", () => {
  it("cut: a stream stops without [DONE]; a whole answer stops after the headers", async () => {
    const stream = await openai.chat.completions.create({ model: "gpt-4o", messages, stream: true }, withFault("cut"));
    let chunks = 0;
    const error = await (async () => {
      for await (const _ of stream) chunks++;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(chunks).toBeGreaterThan(0);
    expect(chunks).toBeLessThan(5);

    const whole = await openai.chat.completions.create({ model: "gpt-4o", messages }, withFault("cut")).catch((e: unknown) => e);
    expect(whole).toBeInstanceOf(Error);
    // Dropped by the simulator: neither completed nor a client cancellation.
    expect(await settled()).toMatchObject({ requests: 2, completed: 0, cancellations: 0 });
  });

  it("cut works on every stream format", async () => {
    const response = await fetch(`${upstream.url}/messages`, {
      method: "POST",
      headers: { "x-api-key": KEY, "x-sim-fault": "cut" },
      body: JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 100, messages, stream: true }),
    });
    const body = await response.text().catch(() => "cut");
    expect(body).not.toContain("message_stop");
  });

  it("cut drops binary audio mid-way too", async () => {
    const speech = await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: "A sentence long enough to span chunks.", response_format: "wav" }, withFault("cut"));
    await expect(speech.arrayBuffer()).rejects.toThrow();
    expect(await settled()).toMatchObject({ requests: 1, completed: 0, cancellations: 0 });
  });

  it("malformed: 200 with a body or frame that is not JSON", async () => {
    const whole = await openai.chat.completions.create({ model: "gpt-4o", messages }, withFault("malformed")).catch((e: unknown) => e);
    expect(whole).toBeInstanceOf(Error);
    const stream = await openai.chat.completions.create({ model: "gpt-4o", messages, stream: true }, withFault("malformed"));
    expect(await drain(stream).catch((e: unknown) => e)).toBeInstanceOf(Error);
    const raw = await fetch(`${upstream.url}/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "x-sim-fault": "malformed" },
      body: JSON.stringify({ model: "gpt-4o", input: "hi" }),
    });
    expect(raw.status).toBe(200);
    await expect(raw.json()).rejects.toThrow();
  });
});

describe("limits", () => {
  it("rejects bodies over 30 MB with 413", async () => {
    const response = await fetch(`${upstream.url}/embeddings`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "text-embedding-3-small", input: "x".repeat(31 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("closes cleanly with requests still in flight", async () => {
    const other = await createUpstream();
    const client = new OpenAI({ baseURL: other.url, apiKey: KEY, maxRetries: 0 });
    const pending = client.chat.completions.create({ model: "gpt-4o", messages }, withFault("hang")).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
