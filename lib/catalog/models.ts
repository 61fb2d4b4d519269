// The model catalog: one home for the models the console knows, their published list prices and
// their plan tier. The seed writes it into ModelPrice (which admins may then edit); the local
// upstream simulator serves the same list from /v1/models. Plain module: no server-only, no DB.

export type Modality = "chat" | "image" | "tts" | "stt" | "embedding";
export type Tier = "free" | "lite" | "pro" | "plus" | "max" | "payg";

export interface CatalogModel {
  id: string;
  ownedBy: string;
  modality: Modality;
  contextLength?: number;
  /** USD per 1M tokens (chat, embedding). */
  input?: number;
  output?: number;
  /** USD per image, keyed "size/quality" ("1024x1024/standard"); "*" matches any size. */
  images?: Record<string, number>;
  /** USD per 1M characters (TTS). */
  perMillionChars?: number;
  /** USD per minute of audio (STT). */
  perMinute?: number;
  /** Lowest plan whose subscription includes the model; "payg" = never in a plan. */
  tier: Tier;
  /** Plan requests charged per call on a subscription (1 = one request; 0 = free in plan). */
  multiplier: number;
  created: number;
}

const T = 1_735_689_600; // 2025-01-01, a stable "created" for every entry

export const catalog: readonly CatalogModel[] = [
  // OpenAI chat, list prices per 1M tokens
  { id: "gpt-5", ownedBy: "openai", modality: "chat", contextLength: 400_000, input: 1.25, output: 10, tier: "pro", multiplier: 1, created: T },
  { id: "gpt-5-mini", ownedBy: "openai", modality: "chat", contextLength: 400_000, input: 0.25, output: 2, tier: "lite", multiplier: 0.5, created: T },
  { id: "gpt-5-nano", ownedBy: "openai", modality: "chat", contextLength: 400_000, input: 0.05, output: 0.4, tier: "free", multiplier: 0.25, created: T },
  { id: "gpt-4.1", ownedBy: "openai", modality: "chat", contextLength: 1_047_576, input: 2, output: 8, tier: "pro", multiplier: 1, created: T },
  { id: "gpt-4.1-mini", ownedBy: "openai", modality: "chat", contextLength: 1_047_576, input: 0.4, output: 1.6, tier: "lite", multiplier: 0.5, created: T },
  { id: "gpt-4.1-nano", ownedBy: "openai", modality: "chat", contextLength: 1_047_576, input: 0.1, output: 0.4, tier: "free", multiplier: 0.25, created: T },
  { id: "gpt-4o", ownedBy: "openai", modality: "chat", contextLength: 128_000, input: 2.5, output: 10, tier: "pro", multiplier: 1, created: T },
  { id: "gpt-4o-mini", ownedBy: "openai", modality: "chat", contextLength: 128_000, input: 0.15, output: 0.6, tier: "lite", multiplier: 0.5, created: T },
  { id: "o3", ownedBy: "openai", modality: "chat", contextLength: 200_000, input: 2, output: 8, tier: "plus", multiplier: 2, created: T },
  { id: "o4-mini", ownedBy: "openai", modality: "chat", contextLength: 200_000, input: 1.1, output: 4.4, tier: "pro", multiplier: 1, created: T },
  // Anthropic
  { id: "claude-opus-4-1", ownedBy: "anthropic", modality: "chat", contextLength: 200_000, input: 15, output: 75, tier: "max", multiplier: 5, created: T },
  { id: "claude-sonnet-4-5", ownedBy: "anthropic", modality: "chat", contextLength: 200_000, input: 3, output: 15, tier: "pro", multiplier: 1.5, created: T },
  { id: "claude-haiku-4-5", ownedBy: "anthropic", modality: "chat", contextLength: 200_000, input: 1, output: 5, tier: "lite", multiplier: 0.5, created: T },
  { id: "claude-3-5-haiku", ownedBy: "anthropic", modality: "chat", contextLength: 200_000, input: 0.8, output: 4, tier: "lite", multiplier: 0.5, created: T },
  // Google
  { id: "gemini-2.5-pro", ownedBy: "google", modality: "chat", contextLength: 1_048_576, input: 1.25, output: 10, tier: "pro", multiplier: 1, created: T },
  { id: "gemini-2.5-flash", ownedBy: "google", modality: "chat", contextLength: 1_048_576, input: 0.3, output: 2.5, tier: "lite", multiplier: 0.33, created: T },
  { id: "gemini-2.0-flash", ownedBy: "google", modality: "chat", contextLength: 1_048_576, input: 0.1, output: 0.4, tier: "free", multiplier: 0.25, created: T },
  // Others
  { id: "deepseek-chat", ownedBy: "deepseek", modality: "chat", contextLength: 128_000, input: 0.28, output: 0.42, tier: "free", multiplier: 0.25, created: T },
  { id: "deepseek-reasoner", ownedBy: "deepseek", modality: "chat", contextLength: 128_000, input: 0.55, output: 2.19, tier: "lite", multiplier: 0.5, created: T },
  { id: "grok-4", ownedBy: "xai", modality: "chat", contextLength: 256_000, input: 3, output: 15, tier: "plus", multiplier: 1.5, created: T },
  { id: "mistral-large-latest", ownedBy: "mistralai", modality: "chat", contextLength: 128_000, input: 2, output: 6, tier: "pro", multiplier: 1, created: T },
  { id: "llama-3.3-70b-instruct", ownedBy: "meta", modality: "chat", contextLength: 131_072, input: 0.59, output: 0.79, tier: "free", multiplier: 0.25, created: T },
  { id: "qwen3-235b-a22b", ownedBy: "qwen", modality: "chat", contextLength: 131_072, input: 0.2, output: 0.6, tier: "lite", multiplier: 0.33, created: T },
  // Images, USD per image
  {
    id: "gpt-image-1", ownedBy: "openai", modality: "image", tier: "payg", multiplier: 0, created: T,
    images: {
      "1024x1024/low": 0.011, "1024x1024/medium": 0.042, "1024x1024/high": 0.167,
      "1024x1536/low": 0.016, "1024x1536/medium": 0.063, "1024x1536/high": 0.25,
      "1536x1024/low": 0.016, "1536x1024/medium": 0.063, "1536x1024/high": 0.25,
    },
  },
  {
    id: "dall-e-3", ownedBy: "openai", modality: "image", tier: "payg", multiplier: 0, created: T,
    images: {
      "1024x1024/standard": 0.04, "1024x1792/standard": 0.08, "1792x1024/standard": 0.08,
      "1024x1024/hd": 0.08, "1024x1792/hd": 0.12, "1792x1024/hd": 0.12,
    },
  },
  {
    id: "dall-e-2", ownedBy: "openai", modality: "image", tier: "payg", multiplier: 0, created: T,
    images: { "256x256/standard": 0.016, "512x512/standard": 0.018, "1024x1024/standard": 0.02 },
  },
  // Text to speech, USD per 1M characters (gpt-4o-mini-tts is billed by tokens upstream; this is
  // the published per-minute estimate expressed per character)
  { id: "tts-1", ownedBy: "openai", modality: "tts", perMillionChars: 15, tier: "payg", multiplier: 0, created: T },
  { id: "tts-1-hd", ownedBy: "openai", modality: "tts", perMillionChars: 30, tier: "payg", multiplier: 0, created: T },
  { id: "gpt-4o-mini-tts", ownedBy: "openai", modality: "tts", perMillionChars: 12, tier: "payg", multiplier: 0, created: T },
  // Speech to text, USD per minute
  { id: "whisper-1", ownedBy: "openai", modality: "stt", perMinute: 0.006, tier: "payg", multiplier: 0, created: T },
  { id: "gpt-4o-transcribe", ownedBy: "openai", modality: "stt", perMinute: 0.006, tier: "payg", multiplier: 0, created: T },
  { id: "gpt-4o-mini-transcribe", ownedBy: "openai", modality: "stt", perMinute: 0.003, tier: "payg", multiplier: 0, created: T },
  // Embeddings
  { id: "text-embedding-3-small", ownedBy: "openai", modality: "embedding", contextLength: 8191, input: 0.02, tier: "free", multiplier: 0, created: T },
  { id: "text-embedding-3-large", ownedBy: "openai", modality: "embedding", contextLength: 8191, input: 0.13, tier: "free", multiplier: 0, created: T },
  { id: "text-embedding-ada-002", ownedBy: "openai", modality: "embedding", contextLength: 8191, input: 0.1, tier: "free", multiplier: 0, created: T },
];

export const tierRank: Record<Tier, number> = { free: 0, lite: 1, pro: 2, plus: 3, max: 4, payg: 99 };
