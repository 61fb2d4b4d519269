// Turns the playground's conversation and settings into the body of POST /v1/chat/completions.
// Parameters left at their defaults are not sent, so the request (and "View code") says only what
// the person chose, and models that reject some parameters (reasoning models and temperature) are
// not tripped by values nobody set.

export interface ChatParams {
  temperature: number;
  topP: number;
  /** null: the model's own limit. */
  maxTokens: number | null;
  frequencyPenalty: number;
  presencePenalty: number;
  stop: string[];
}

export const DEFAULT_PARAMS: ChatParams = {
  temperature: 1,
  topP: 1,
  maxTokens: null,
  frequencyPenalty: 0,
  presencePenalty: 0,
  stop: [],
};

/** The documented ranges (APERTIS-API.md). */
export const PARAM_LIMITS = {
  temperature: { min: 0, max: 2, step: 0.01 },
  topP: { min: 0, max: 1, step: 0.01 },
  frequencyPenalty: { min: -2, max: 2, step: 0.01 },
  presencePenalty: { min: -2, max: 2, step: 0.01 },
  maxTokens: { min: 1, max: 1_000_000 },
  /** OpenAI accepts at most four stop sequences. */
  stop: { max: 4 },
} as const;

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
  /** Image attachments as data: URLs (user turns only). */
  images?: string[];
}

export type ContentPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

export interface ChatRequestMessage {
  role: "system" | "user" | "assistant";
  content: string | ContentPart[];
}

export interface ChatRequestBody {
  model: string;
  messages: ChatRequestMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  stop?: string[];
}

function messageOf(turn: ChatTurn): ChatRequestMessage {
  if (turn.role === "user" && turn.images?.length) {
    const parts: ContentPart[] = [];
    if (turn.content) parts.push({ type: "text", text: turn.content });
    for (const url of turn.images) parts.push({ type: "image_url", image_url: { url } });
    return { role: "user", content: parts };
  }
  return { role: turn.role, content: turn.content };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function buildChatBody(input: { model: string; system: string; turns: ChatTurn[]; params: ChatParams }): ChatRequestBody {
  const { model, system, turns, params } = input;
  const messages: ChatRequestMessage[] = [];
  if (system.trim()) messages.push({ role: "system", content: system });
  for (const turn of turns) messages.push(messageOf(turn));
  const body: ChatRequestBody = { model, messages, stream: true, stream_options: { include_usage: true } };
  if (params.temperature !== DEFAULT_PARAMS.temperature) body.temperature = round(params.temperature);
  if (params.topP !== DEFAULT_PARAMS.topP) body.top_p = round(params.topP);
  if (params.maxTokens !== null) body.max_tokens = params.maxTokens;
  if (params.frequencyPenalty !== 0) body.frequency_penalty = round(params.frequencyPenalty);
  if (params.presencePenalty !== 0) body.presence_penalty = round(params.presencePenalty);
  const stop = params.stop.filter((s) => s.length > 0).slice(0, PARAM_LIMITS.stop.max);
  if (stop.length) body.stop = stop;
  return body;
}

/** Keeps a number inside its documented range; NaN becomes the fallback. */
export function clampParam(value: number, limits: { min: number; max: number }, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(limits.max, Math.max(limits.min, value));
}
