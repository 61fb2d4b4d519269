// POST /v1/messages: Anthropic Messages API, whole or as Anthropic's typed SSE events.
import { invalidParameter } from "./errors";
import type { Exchange } from "./exchange";
import { requireModel } from "./models";
import { optionalInt, requireArray, type Body } from "./params";
import { contentText, countMessages, isRecord, lastText, simulatedReply, splitPieces, sseEvent } from "./text";

export async function messages(ex: Exchange, body: Body): Promise<void> {
  const model = requireModel(body);
  const maxTokens = optionalInt(body, "max_tokens", 1, 10_000_000);
  if (maxTokens === undefined) throw invalidParameter("max_tokens", "max_tokens: Field required");
  const turns = requireArray(body, "messages");
  turns.forEach((m, i) => {
    if (!isRecord(m) || (m.role !== "user" && m.role !== "assistant")) {
      throw invalidParameter(`messages.${i}.role`, "Each message needs role 'user' or 'assistant'.");
    }
  });
  if (body.system !== undefined && typeof body.system !== "string" && !Array.isArray(body.system)) {
    throw invalidParameter("system", "'system' must be a string or an array of text blocks.");
  }

  const system = contentText(body.system);
  const conversation = system ? [{ role: "system", content: system }, ...turns] : turns;
  const reply = simulatedReply(model, lastText(turns), JSON.stringify(conversation), maxTokens);
  const inputTokens = countMessages(conversation);
  const stopReason = reply.truncated ? "max_tokens" : "end_turn";
  const id = `msg_${ex.requestId.slice(4).replaceAll("-", "")}`;

  if (body.stream !== true) {
    ex.json(200, {
      id,
      type: "message",
      role: "assistant",
      content: [{ type: "text", text: reply.text }],
      model,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: reply.tokens },
    });
    return;
  }

  const head =
    sseEvent("message_start", {
      type: "message_start",
      message: {
        id,
        type: "message",
        role: "assistant",
        content: [],
        model,
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
      },
    }) +
    sseEvent("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) +
    sseEvent("ping", { type: "ping" });
  const deltas = splitPieces(reply.text, ex.pacing.chunks).map((text) =>
    sseEvent("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }),
  );
  const tail =
    sseEvent("content_block_stop", { type: "content_block_stop", index: 0 }) +
    sseEvent("message_delta", { type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: reply.tokens } }) +
    sseEvent("message_stop", { type: "message_stop" });
  await ex.stream({ head, deltas, tail });
}
