// Chat conversations kept in the browser's localStorage: nothing about them reaches the server
// beyond the requests themselves. What is read back is validated, so a stale or hand-edited entry
// cannot break the page; a full storage drops image data before giving up.
import { z } from "zod";
import { DEFAULT_PARAMS } from "./chat-request";

export const STORAGE_KEY = "apertis.playground.chat.v1";
export const MAX_CONVERSATIONS = 100;

const metricsSchema = z.object({
  ttftMs: z.number().nullable(),
  totalMs: z.number(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  costUsd: z.number().nullable(),
  finishReason: z.string().nullable(),
  stopped: z.boolean(),
  model: z.string(),
});
export type ReplyMetrics = z.infer<typeof metricsSchema>;

const errorSchema = z.object({
  message: z.string(),
  status: z.number(),
  code: z.string(),
  param: z.string().nullable(),
  retryAfter: z.number().nullable(),
});
export type StoredError = z.infer<typeof errorSchema>;

const messageSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  reasoning: z.string().optional(),
  images: z.array(z.string()).optional(),
  metrics: metricsSchema.optional(),
  error: errorSchema.optional(),
});
export type ChatMessage = z.infer<typeof messageSchema>;

const paramsSchema = z.object({
  temperature: z.number(),
  topP: z.number(),
  maxTokens: z.number().nullable(),
  frequencyPenalty: z.number(),
  presencePenalty: z.number(),
  stop: z.array(z.string()),
});

const conversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  model: z.string(),
  system: z.string(),
  params: paramsSchema.catch(DEFAULT_PARAMS),
  messages: z.array(messageSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

const storeSchema = z.object({ version: z.literal(1), conversations: z.array(z.unknown()) });

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export function newConversation(model: string, now = Date.now()): Conversation {
  return { id: newId(), title: "New chat", createdAt: now, updatedAt: now, model, system: "", params: { ...DEFAULT_PARAMS }, messages: [] };
}

/** A title from the first thing the person said: one line, at most 60 characters. */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "New chat";
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}

/** Every valid conversation in storage, newest first; invalid entries are skipped, not fatal. */
export function loadConversations(storage: Pick<Storage, "getItem">): Conversation[] {
  let raw: string | null = null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  const store = storeSchema.safeParse(parsed);
  if (!store.success) return [];
  const out: Conversation[] = [];
  for (const entry of store.data.conversations) {
    const c = conversationSchema.safeParse(entry);
    if (c.success) out.push(c.data);
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt);
}

function withoutImages(c: Conversation): Conversation {
  return { ...c, messages: c.messages.map((m) => (m.images?.length ? { ...m, images: undefined, content: m.content || "[image]" } : m)) };
}

export type SaveResult = "saved" | "saved-without-images" | "failed";

/**
 * Writes the newest MAX_CONVERSATIONS conversations. When the browser's quota is exceeded (images
 * are large), tries again without image data rather than losing the text.
 */
export function saveConversations(storage: Pick<Storage, "setItem">, conversations: Conversation[]): SaveResult {
  const kept = [...conversations].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_CONVERSATIONS);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, conversations: kept }));
    return "saved";
  } catch {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, conversations: kept.map(withoutImages) }));
      return "saved-without-images";
    } catch {
      return "failed";
    }
  }
}
