// Reads an OpenAI chat-completions SSE body into typed events. Framing is eventsource-parser's
// (events split across network chunks, multi-line data, comments): nothing here splits lines.
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { ApiErrorPayload } from "@/lib/client/fetcher";

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export type ChatStreamEvent =
  | { type: "delta"; content: string }
  | { type: "reasoning"; content: string }
  | { type: "usage"; usage: ChatUsage }
  | { type: "finish"; reason: string }
  | { type: "error"; error: ApiErrorPayload }
  | { type: "done" };

interface ChunkChoice {
  delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown };
  finish_reason?: unknown;
}

interface Chunk {
  choices?: ChunkChoice[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: { message?: unknown; type?: unknown; code?: unknown; param?: unknown };
}

/** The events in one `data:` payload; malformed JSON is reported, not thrown. */
export function eventsFromData(data: string): ChatStreamEvent[] {
  if (data === "[DONE]") return [{ type: "done" }];
  let chunk: Chunk;
  try {
    chunk = JSON.parse(data) as Chunk;
  } catch {
    return [{ type: "error", error: { message: "The stream contained a malformed event.", code: "upstream_error", type: "server_error" } }];
  }
  const out: ChatStreamEvent[] = [];
  if (chunk.error && typeof chunk.error.message === "string") {
    out.push({
      type: "error",
      error: {
        message: chunk.error.message,
        code: typeof chunk.error.code === "string" ? chunk.error.code : undefined,
        type: typeof chunk.error.type === "string" ? chunk.error.type : undefined,
        param: typeof chunk.error.param === "string" ? chunk.error.param : null,
      },
    });
    return out;
  }
  // Only the first choice is shown: the playground never asks for n > 1.
  const choice = chunk.choices?.[0];
  const delta = choice?.delta;
  const reasoning = delta?.reasoning_content ?? delta?.reasoning;
  if (typeof reasoning === "string" && reasoning) out.push({ type: "reasoning", content: reasoning });
  if (typeof delta?.content === "string" && delta.content) out.push({ type: "delta", content: delta.content });
  if (typeof choice?.finish_reason === "string") out.push({ type: "finish", reason: choice.finish_reason });
  const u = chunk.usage;
  if (u && typeof u.prompt_tokens === "number" && typeof u.completion_tokens === "number") {
    out.push({ type: "usage", usage: { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens } });
  }
  return out;
}

/**
 * TextDecoderStream accepts any BufferSource, which TypeScript's DOM types cannot match against a
 * stream of Uint8Array (a BufferSource itself): the cast only narrows what it accepts.
 */
function utf8Decoder(): TransformStream<Uint8Array, string> {
  return new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
}

/**
 * Yields the events of a streamed chat completion as they arrive. Aborting the fetch that produced
 * `body` makes the pending read reject with an AbortError, which propagates to the caller.
 */
export async function* readChatStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatStreamEvent> {
  const reader = body.pipeThrough(utf8Decoder()).pipeThrough(new EventSourceParserStream()).getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const event of eventsFromData(value.data)) {
        yield event;
        if (event.type === "done") return;
      }
    }
  } finally {
    // Leaving early (done, error, or the consumer stopped) releases the body.
    reader.cancel().catch(() => {});
  }
}
