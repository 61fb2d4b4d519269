// The simulator through real HTTP, driven by the official openai and @anthropic-ai/sdk clients.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUpstream, type Upstream } from "./server";
import { detectAudioTools } from "./speech";
import { SAMPLE_RATE, wavHeader } from "./wav";

const KEY = "sk-simtest-0123456789abcdef0123456789";
let upstream: Upstream;
let openai: OpenAI;
let anthropic: Anthropic;
const { ffmpeg } = await detectAudioTools();

beforeAll(async () => {
  upstream = await createUpstream({ chunkIntervalMs: 1 });
  openai = new OpenAI({ baseURL: upstream.url, apiKey: KEY, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: upstream.url.replace(/\/v1$/, ""), apiKey: KEY, maxRetries: 0 });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("models", () => {
  it("lists the catalog and 404s unknown ids with model_not_found", async () => {
    const ids = [];
    for await (const model of openai.models.list()) ids.push(model.id);
    expect(ids).toContain("gpt-4o-mini");
    expect(ids).toContain("whisper-1");
    expect((await openai.models.retrieve("dall-e-3")).owned_by).toBe("openai");
    const error = await openai.models.retrieve("no-such-model").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
  });
});

describe("chat completions", () => {
  const messages = [{ role: "user" as const, content: "Tell me about lighthouses." }];

  it("answers the same text streamed and whole, usage in the stream only when asked", async () => {
    const { data: whole, response } = await openai.chat.completions.create({ model: "gpt-4o-mini", messages }).withResponse();
    expect(response.headers.get("x-apertis-simulated")).toBe("1");
    expect(response.headers.get("x-request-id")).toMatch(/^sim-/);
    expect(whole.system_fingerprint).toBe("apertis-local-simulator");
    const text = whole.choices[0]?.message.content ?? "";
    expect(text).toContain("Simulated reply from gpt-4o-mini");
    expect(text).toContain("lighthouses");
    expect(whole.usage?.completion_tokens).toBeGreaterThan(30);
    expect(whole.usage?.prompt_tokens).toBeGreaterThan(5);

    for (const includeUsage of [true, false]) {
      const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true, stream_options: { include_usage: includeUsage } });
      let streamed = "";
      let usage: unknown = null;
      let contentChunks = 0;
      let finish: string | null = null;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta.content;
        if (delta) contentChunks++;
        streamed += delta ?? "";
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(streamed).toBe(text);
      expect(finish).toBe("stop");
      expect(contentChunks).toBe(12);
      expect(usage).toEqual(includeUsage ? whole.usage : null);
    }
  });

  it("honours max_tokens, n, and the chunk count header", async () => {
    const short = await openai.chat.completions.create({ model: "gpt-4o", messages, max_tokens: 7, n: 2 });
    expect(short.choices.map((c) => c.index)).toEqual([0, 1]);
    expect(short.choices[0]?.finish_reason).toBe("length");
    expect(short.usage?.completion_tokens).toBeLessThanOrEqual(14);

    const stream = await openai.chat.completions.create({ model: "gpt-4o", messages, stream: true }, { headers: { "x-sim-chunks": "3" } });
    let pieces = 0;
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) pieces++;
    expect(pieces).toBe(3);
  });

  it("calls a tool the user names, streamed and whole", async () => {
    const tools = [
      { type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } } } } },
    ];
    const ask = [{ role: "user" as const, content: "Please use get_weather for Paris" }];
    const whole = await openai.chat.completions.create({ model: "gpt-4o", messages: ask, tools });
    const call = whole.choices[0]?.message.tool_calls?.[0];
    expect(whole.choices[0]?.finish_reason).toBe("tool_calls");
    expect(call?.type === "function" && call.function.name).toBe("get_weather");
    expect(call?.type === "function" && JSON.parse(call.function.arguments)).toEqual({ city: "simulated", days: 1 });

    const stream = await openai.chat.completions.create({ model: "gpt-4o", messages: ask, tools, stream: true });
    let args = "";
    for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? "";
    expect(call?.type === "function" && call.function.arguments).toBe(args);
  });

  it("validates like the real API", async () => {
    const missing = await openai.chat.completions.create({ model: "gpt-4o", messages: undefined as never }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenAI.BadRequestError);
    const unknown = await openai.chat.completions.create({ model: "gpt-9000", messages }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((await openai.chat.completions.create({ model: "sim-echo", messages })).model).toBe("sim-echo");

    const noKey = await fetch(`${upstream.url}/chat/completions`, { method: "POST", body: "{}" });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
    const badJson = await fetch(`${upstream.url}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: "{nope" });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("records what it received, with the key redacted", async () => {
    await openai.chat.completions.create({ model: "gpt-4o", messages });
    const stats = (await (await fetch(upstream.url.replace(/\/v1$/, "/__sim/stats"))).json()) as ReturnType<Upstream["stats"]>;
    expect(stats).toMatchObject({ requests: 1, completed: 1, cancellations: 0, inFlight: 0, byPath: { "/v1/chat/completions": 1 } });
    expect(stats.lastRequest?.body).toMatchObject({ model: "gpt-4o", messages });
    expect(stats.lastRequest?.headers.authorization).toBe(`Bearer ${KEY.slice(0, 8)}…`);
    const health = await fetch(upstream.url.replace(/\/v1$/, "/health"));
    expect(await health.json()).toEqual({ ok: true, simulated: true });
  });
});

describe("responses", () => {
  it("streams typed events in order and ends with the full response", async () => {
    const whole = await openai.responses.create({ model: "gpt-4o", input: "Summarise the sea.", instructions: "Be brief." });
    expect(whole.output_text).toContain("Simulated reply from gpt-4o");
    expect(whole.usage?.total_tokens).toBe((whole.usage?.input_tokens ?? 0) + (whole.usage?.output_tokens ?? 0));

    const stream = await openai.responses.create({ model: "gpt-4o", input: "Summarise the sea.", instructions: "Be brief.", stream: true });
    const types: string[] = [];
    let text = "";
    let sequence = -1;
    let final: typeof whole | null = null;
    for await (const event of stream) {
      types.push(event.type);
      expect(event.sequence_number).toBe(sequence + 1);
      sequence = event.sequence_number;
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") final = event.response;
    }
    expect(types.slice(0, 4)).toEqual(["response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"]);
    expect(types.slice(-4)).toEqual(["response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"]);
    expect(text).toBe(whole.output_text);
    expect(final?.usage).toEqual(whole.usage);

    const helper = openai.responses.stream({ model: "gpt-4o", input: [{ role: "user", content: "Summarise the sea." }], instructions: "Be brief." });
    const item = (await helper.finalResponse()).output[0];
    // The SDK helper does not fill `output_text` itself, so read the message content.
    expect(item?.type === "message" && item.content[0]?.type === "output_text" && item.content[0].text).toBe(whole.output_text);
  });
});

describe("anthropic messages", () => {
  it("streams Anthropic events and matches the whole answer", async () => {
    const params = { model: "claude-sonnet-4-5", max_tokens: 200, system: "You are terse.", messages: [{ role: "user" as const, content: "Name a colour." }] };
    const whole = await anthropic.messages.create(params);
    const block = whole.content[0];
    expect(block?.type === "text" && block.text).toContain("Simulated reply from claude-sonnet-4-5");
    expect(whole.stop_reason).toBe("end_turn");

    const events: string[] = [];
    const stream = anthropic.messages.stream(params);
    stream.on("streamEvent", (event) => events.push(event.type));
    const final = await stream.finalMessage();
    expect(final.content).toEqual(whole.content);
    expect(final.usage.output_tokens).toBe(whole.usage.output_tokens);
    expect(final.usage.input_tokens).toBe(whole.usage.input_tokens);
    expect(events[0]).toBe("message_start");
    expect(events).toContain("content_block_delta");
    expect(events.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);

    const noMax = await fetch(`${upstream.url}/messages`, { method: "POST", headers: { "x-api-key": KEY }, body: JSON.stringify({ model: params.model, messages: params.messages }) });
    expect(noMax.status).toBe(400);
  });
});

describe("embeddings", () => {
  it("returns deterministic unit vectors, base64 by default in the SDK", async () => {
    const result = await openai.embeddings.create({ model: "text-embedding-3-small", input: ["alpha", "beta"] });
    expect(result.data).toHaveLength(2);
    const [a, b] = result.data.map((d) => d.embedding);
    expect(a).toHaveLength(1536);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 5);
    expect(a).not.toEqual(b);
    expect(result.usage.prompt_tokens).toBe(2);

    const floats = await openai.embeddings.create({ model: "text-embedding-3-small", input: "alpha", encoding_format: "float" });
    expect(floats.data[0]?.embedding).toEqual(a);
    const short = await openai.embeddings.create({ model: "text-embedding-3-large", input: "alpha", dimensions: 256 });
    expect(short.data[0]?.embedding).toHaveLength(256);
  });
});

describe("images", () => {
  it("returns real PNGs of the requested size, as b64_json or a fetchable url", async () => {
    const b64 = await openai.images.generate({ model: "gpt-image-1", prompt: "a red boat", size: "1024x1536", n: 2 });
    expect(b64.data).toHaveLength(2);
    expect(pngSize(Buffer.from(b64.data?.[0]?.b64_json ?? "", "base64"))).toEqual({ width: 1024, height: 1536 });
    expect(b64.usage?.output_tokens).toBeGreaterThan(0);

    const url = await openai.images.generate({ model: "dall-e-2", prompt: "a red boat", size: "256x256", response_format: "url" });
    const link = url.data?.[0]?.url ?? "";
    expect(link.startsWith(upstream.url)).toBe(true);
    const file = await fetch(link);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(pngSize(Buffer.from(await file.arrayBuffer()))).toEqual({ width: 256, height: 256 });
  });
});

describe("audio", () => {
  it("speaks WAV and PCM, and validates voice and input", async () => {
    const wav = Buffer.from(await (await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: "Hello from the simulator.", response_format: "wav" })).arrayBuffer());
    expect(wav.toString("latin1", 0, 4)).toBe("RIFF");
    expect(wav.length).toBeGreaterThan(44 + SAMPLE_RATE * 0.5); // at least half a second of audio

    const speak = async () => openai.audio.speech.create({ model: "tts-1", voice: "nova", input: "Hello.", response_format: "pcm", speed: 2 });
    const pcm = await speak();
    expect(pcm.headers.get("content-type")).toBe("audio/pcm");
    const bytes = Buffer.from(await pcm.arrayBuffer());
    expect(bytes.length % 2).toBe(0);
    expect(Buffer.from(await (await speak()).arrayBuffer())).toEqual(bytes); // deterministic

    const badVoice = await openai.audio.speech.create({ model: "tts-1", voice: "robot" as never, input: "x" }).catch((e: unknown) => e);
    expect(badVoice).toBeInstanceOf(OpenAI.BadRequestError);
    const tooLong = await openai.audio.speech.create({ model: "tts-1", voice: "echo", input: "x".repeat(4097) }).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it.runIf(ffmpeg)("encodes mp3 with ffmpeg", async () => {
    const mp3 = await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: "Hello.", response_format: "mp3" });
    expect(mp3.headers.get("content-type")).toBe("audio/mpeg");
    const bytes = Buffer.from(await mp3.arrayBuffer());
    expect(bytes.toString("latin1", 0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)).toBe(true);
  });

  it.runIf(!ffmpeg)("falls back to WAV, and says so, without ffmpeg", async () => {
    const mp3 = await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: "Hello.", response_format: "mp3" });
    expect(mp3.headers.get("content-type")).toBe("audio/wav");
    expect(mp3.headers.get("x-simulated-format")).toBe("wav");
  });

  it("transcribes by reporting the exact duration of a WAV", async () => {
    const pcm = Buffer.alloc(Math.round(SAMPLE_RATE * 3.2) * 2);
    const file = await toFile(Buffer.concat([wavHeader(pcm.length), pcm]), "clip.wav", { type: "audio/wav" });
    const verbose = await openai.audio.transcriptions.create({ file, model: "whisper-1", response_format: "verbose_json", language: "de" });
    expect(verbose.duration).toBeCloseTo(3.2, 6);
    expect(verbose.language).toBe("german");
    expect(verbose.text).toBe(`Simulated transcription (local upstream, not a model): received a 3.20 s audio/wav file of ${pcm.length + 44} bytes, language de.`);
    expect(verbose.segments?.[0]?.end).toBeCloseTo(3.2, 6);

    const json = await openai.audio.transcriptions.create({ file: await toFile(Buffer.alloc(32_000), "talk.mp3"), model: "gpt-4o-transcribe" });
    expect(json.text).toContain("2.00 s (estimated) audio/mpeg");
    expect(json.usage).toEqual({ type: "duration", seconds: 2 });
    const srt = await openai.audio.transcriptions.create({ file, model: "whisper-1", response_format: "srt" });
    expect(srt).toContain("00:00:00,000 --> 00:00:03,200");
  });
});
