// Deterministic text, hashing and token counting shared by every text endpoint. Replies are a pure
// function of the request so tests can compare a streamed answer with a non-streamed one.
import { countTokens, decode, encode } from "gpt-tokenizer";
import { LruCache } from "./lru";

// Message content may legitimately contain strings such as "<|endoftext|>": count them as plain
// text, as the real API does, instead of letting the tokenizer throw.
const plainText = { disallowedSpecial: new Set<string>() };

/** Tokens an image part adds to a prompt (OpenAI's "low detail" flat rate). */
const IMAGE_PART_TOKENS = 85;

export function countText(text: string): number {
  return text.length === 0 ? 0 : countTokens(text, plainText);
}

/** cyrb53: fast, well-mixed 53-bit string hash. Only determinism matters here, not secrecy. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32 PRNG in [0, 1): every derived choice (words, vectors, colours) is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isImagePart(part: Record<string, unknown>): boolean {
  return part.type === "image_url" || part.type === "input_image" || part.type === "image";
}

/** Plain text of a `content` field in the shapes the three APIs use (string, or parts/blocks). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  const texts: string[] = [];
  for (const part of content) {
    if (!isRecord(part)) continue;
    if (typeof part.text === "string") texts.push(part.text);
    // Anthropic tool_result blocks nest their own content.
    else if (part.content !== undefined) texts.push(contentText(part.content));
  }
  return texts.join("\n");
}

function imageParts(content: unknown): number {
  return Array.isArray(content) ? content.filter((p) => isRecord(p) && isImagePart(p)).length : 0;
}

/** Everything in one message or input item that a model would read, as text. */
export function messageText(message: Record<string, unknown>): string {
  const texts = [contentText(message.content)];
  if (typeof message.output === "string") texts.push(message.output);
  if (typeof message.arguments === "string") texts.push(message.arguments);
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (isRecord(call) && isRecord(call.function)) texts.push(String(call.function.name ?? ""), String(call.function.arguments ?? ""));
    }
  }
  return texts.filter(Boolean).join("\n");
}

/**
 * Prompt tokens of a conversation, following OpenAI's published counting recipe: each message
 * costs its text plus 3 framing tokens (+1 with a name), and the reply is primed with 3 more.
 */
export function countMessages(messages: readonly unknown[]): number {
  let total = 3;
  for (const message of messages) {
    if (!isRecord(message)) continue;
    total += 3 + countText(messageText(message)) + IMAGE_PART_TOKENS * imageParts(message.content);
    if (typeof message.name === "string") total += 1;
  }
  return total;
}

/** Text of the last message with the given role ("" if none): the "question" a reply quotes. */
export function lastText(messages: readonly unknown[], role = "user"): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (isRecord(message) && message.role === role) return messageText(message);
  }
  return "";
}

export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const FILLER = [
  "This text is generated locally so the console can run offline.",
  "No model was consulted; the sentences come from a fixed list picked by a hash of your request.",
  "The same request always receives the same answer, which keeps tests repeatable.",
  "Token counts in the usage block are computed with a real tokenizer.",
  "Streamed replies arrive in small chunks at a steady, configurable pace.",
  "Point the console at a real upstream to get real answers.",
  "Latency, errors and cut streams can be injected with the x-sim-fault header.",
  "Nothing sent here leaves this machine.",
  "Usage and cost still flow through the console as they would for a paid call.",
  "Benchmarks use this server as the ceiling for gateway overhead.",
  "The simulator answers chat, responses, messages, embeddings, images and audio.",
  "Each sentence is drawn from a short list, so expect some repetition.",
] as const;

export interface Reply {
  text: string;
  tokens: number;
  /** True when maxTokens cut the reply short (finish_reason "length"). */
  truncated: boolean;
}

// Benchmarks repeat one request many times; replies are pure, so memoising them is safe.
const replies = new LruCache<Reply>(2000);

/**
 * The simulated answer: names the model, quotes the question, then pads with fixed sentences to a
 * length of 40-80 tokens chosen by the seed. `seed` must cover everything the answer depends on.
 */
export function simulatedReply(model: string, question: string, seed: string, maxTokens?: number): Reply {
  const h = hash53(`${model}\u0000${question}\u0000${seed}`);
  const key = `${h}:${maxTokens ?? ""}`;
  const cached = replies.get(key);
  if (cached) return cached;

  const random = seededRandom(h);
  const target = 40 + Math.floor(random() * 41);
  const asked = snippet(question);
  let text = `Simulated reply from ${model} (local upstream, not a model). ${asked ? `You asked about: "${asked}".` : "Your request had no text."}`;
  // Sum per-sentence counts while growing (cheap), then count the final text once, exactly.
  let estimate = countText(text);
  while (estimate < target) {
    const sentence = ` ${FILLER[Math.floor(random() * FILLER.length)] ?? FILLER[0]}`;
    text += sentence;
    estimate += countText(sentence);
  }
  let reply: Reply = { text, tokens: countText(text), truncated: false };
  if (maxTokens !== undefined && reply.tokens > maxTokens) {
    const cut = decode(encode(text, plainText).slice(0, maxTokens));
    reply = { text: cut, tokens: countText(cut), truncated: true };
  }
  replies.set(key, reply);
  return reply;
}

/** Splits text into at most `pieces` runs of whole words whose concatenation is the text. */
export function splitPieces(text: string, pieces: number): string[] {
  const words = text.match(/\s*\S+\s*$|\s*\S+/g) ?? [];
  if (words.length <= pieces) return words;
  const out: string[] = [];
  const per = words.length / pieces;
  for (let i = 0; i < pieces; i++) out.push(words.slice(Math.round(i * per), Math.round((i + 1) * per)).join(""));
  return out;
}

/** Splits any string into at most `pieces` runs of near-equal length (for JSON arguments). */
export function splitEven(text: string, pieces: number): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / Math.max(1, pieces));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** `system_fingerprint` of every simulated completion: visible proof nothing real answered. */
export const SYSTEM_FINGERPRINT = "apertis-local-simulator";

export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export function sseEvent(event: string, value: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(value)}\n\n`;
}
