import { createParser, type EventSourceMessage } from "eventsource-parser";

export type StreamFormat = "chat" | "responses" | "messages";

export interface StreamUsage {
  promptTokens?: number;
  completionTokens?: number;
}

export interface StreamObserver {
  usage: StreamUsage;
  /** Raw data of content-delta events, parsed only if the upstream never reports usage. */
  deltas: string[];
  sawDone: boolean;
  events: number;
}

function frame(event: EventSourceMessage): string {
  const head = event.event ? `event: ${event.event}\n` : "";
  const data = event.data.includes("\n") ? event.data.split("\n").map((l) => `data: ${l}`).join("\n") : `data: ${event.data}`;
  return `${head}${data}\n\n`;
}

/**
 * Passes an upstream SSE body through event by event (each upstream chunk is written as soon as
 * its complete events are parsed: nothing is held back), reading usage on the way. For chat, the
 * usage chunk the gateway asked for is removed unless the client asked for it too.
 */
export async function* relaySse(
  body: AsyncIterable<Uint8Array>,
  format: StreamFormat,
  clientWantsUsage: boolean,
  obs: StreamObserver,
): AsyncGenerator<string> {
  let out = "";
  const parser = createParser({
    onEvent(event) {
      obs.events++;
      const data = event.data;
      if (format === "chat") {
        if (data === "[DONE]") {
          obs.sawDone = true;
          out += frame(event);
          return;
        }
        if (data.includes('"usage":{')) {
          const chunk = safeParse(data);
          const u = chunk?.usage as { prompt_tokens?: number; completion_tokens?: number } | undefined;
          if (u) {
            obs.usage.promptTokens = u.prompt_tokens;
            obs.usage.completionTokens = u.completion_tokens;
          }
          if (!clientWantsUsage && chunk) {
            const choices = chunk.choices as unknown[] | undefined;
            if (!choices || choices.length === 0) return; // the usage-only chunk: drop it
            delete chunk.usage;
            out += `data: ${JSON.stringify(chunk)}\n\n`;
            return;
          }
        } else if (data.includes('"content"')) {
          obs.deltas.push(data);
        }
        out += frame(event);
        return;
      }
      if (format === "responses") {
        const type = event.event ?? "";
        if (type === "response.output_text.delta" || (!type && data.includes('"response.output_text.delta"'))) obs.deltas.push(data);
        else if (type === "response.completed" || type === "response.incomplete" || data.includes('"type":"response.completed"')) {
          const u = (safeParse(data)?.response as { usage?: { input_tokens?: number; output_tokens?: number } } | undefined)?.usage;
          if (u) {
            obs.usage.promptTokens = u.input_tokens;
            obs.usage.completionTokens = u.output_tokens;
          }
          obs.sawDone = true;
        }
        out += frame(event);
        return;
      }
      // Anthropic messages
      const type = event.event ?? "";
      if (type === "content_block_delta") obs.deltas.push(data);
      else if (type === "message_start") {
        const u = (safeParse(data)?.message as { usage?: { input_tokens?: number; output_tokens?: number } } | undefined)?.usage;
        if (u?.input_tokens !== undefined) obs.usage.promptTokens = u.input_tokens;
      } else if (type === "message_delta") {
        const u = safeParse(data)?.usage as { output_tokens?: number; input_tokens?: number } | undefined;
        if (u?.output_tokens !== undefined) obs.usage.completionTokens = u.output_tokens;
      } else if (type === "message_stop") obs.sawDone = true;
      out += frame(event);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (out) {
      yield out;
      out = "";
    }
  }
  parser.feed(decoder.decode());
  if (out) yield out;
}

function safeParse(data: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(data) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The text of collected delta events, for counting tokens when usage never came. */
export function deltaText(format: StreamFormat, deltas: string[]): string {
  let text = "";
  for (const d of deltas) {
    const o = safeParse(d);
    if (!o) continue;
    if (format === "chat") {
      for (const c of (o.choices as Array<{ delta?: { content?: unknown } }> | undefined) ?? []) {
        if (typeof c?.delta?.content === "string") text += c.delta.content;
      }
    } else if (format === "responses") {
      if (typeof o.delta === "string") text += o.delta;
    } else {
      const delta = o.delta as { text?: unknown } | undefined;
      if (typeof delta?.text === "string") text += delta.text;
    }
  }
  return text;
}
