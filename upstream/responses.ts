// POST /v1/responses: OpenAI Responses API, whole or as typed SSE events with sequence numbers.
import { invalidParameter, missingParameter } from "./errors";
import type { Exchange } from "./exchange";
import { requireModel } from "./models";
import { optionalInt, optionalString, type Body } from "./params";
import { countMessages, isRecord, lastText, simulatedReply, splitPieces, sseEvent } from "./text";

function inputItems(input: unknown): Record<string, unknown>[] {
  if (input === undefined || input === null || input === "") throw missingParameter("input");
  if (typeof input === "string") return [{ role: "user", content: input }];
  if (!Array.isArray(input)) throw invalidParameter("input", "'input' must be a string or an array of input items.");
  return input.map((item, i) => {
    if (!isRecord(item)) throw invalidParameter(`input[${i}]`, "Each input item must be an object.");
    return item;
  });
}

export async function responses(ex: Exchange, body: Body): Promise<void> {
  const model = requireModel(body);
  const items = inputItems(body.input);
  const instructions = optionalString(body, "instructions");
  const maxOutput = optionalInt(body, "max_output_tokens", 1, 10_000_000);

  const conversation = instructions ? [{ role: "system", content: instructions }, ...items] : items;
  const reply = simulatedReply(model, lastText(items), JSON.stringify(conversation), maxOutput);
  const inputTokens = countMessages(conversation);
  const usage = {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: reply.tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + reply.tokens,
  };
  const suffix = ex.requestId.slice(4).replaceAll("-", "");
  const id = `resp_${suffix}`;
  const itemId = `msg_${suffix}`;
  const createdAt = Math.floor(Date.now() / 1000);
  const finalStatus = reply.truncated ? "incomplete" : "completed";

  const part = (text: string) => ({ type: "output_text", text, annotations: [], logprobs: [] });
  const message = (status: string, text: string | null) => ({
    id: itemId,
    type: "message",
    status,
    role: "assistant",
    content: text === null ? [] : [part(text)],
  });
  const response = (done: boolean) => ({
    id,
    object: "response",
    created_at: createdAt,
    status: done ? finalStatus : "in_progress",
    background: false,
    error: null,
    incomplete_details: done && reply.truncated ? { reason: "max_output_tokens" } : null,
    instructions: instructions ?? null,
    max_output_tokens: maxOutput ?? null,
    model,
    output: done ? [message(finalStatus, reply.text)] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: body.store !== false,
    temperature: typeof body.temperature === "number" ? body.temperature : 1,
    text: { format: { type: "text" } },
    tool_choice: "auto",
    tools: [],
    top_p: typeof body.top_p === "number" ? body.top_p : 1,
    truncation: "disabled",
    usage: done ? usage : null,
    user: null,
    metadata: {},
  });

  if (body.stream !== true) {
    ex.json(200, response(true));
    return;
  }

  let sequence = 0;
  const event = (type: string, fields: object) => sseEvent(type, { type, sequence_number: sequence++, ...fields });
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const head =
    event("response.created", { response: response(false) }) +
    event("response.in_progress", { response: response(false) }) +
    event("response.output_item.added", { output_index: 0, item: message("in_progress", null) }) +
    event("response.content_part.added", { ...at, part: part("") });
  const deltas = splitPieces(reply.text, ex.pacing.chunks).map((delta) => event("response.output_text.delta", { ...at, delta, logprobs: [] }));
  const tail =
    event("response.output_text.done", { ...at, text: reply.text, logprobs: [] }) +
    event("response.content_part.done", { ...at, part: part(reply.text) }) +
    event("response.output_item.done", { output_index: 0, item: message(finalStatus, reply.text) }) +
    event(reply.truncated ? "response.incomplete" : "response.completed", { response: response(true) });
  await ex.stream({ head, deltas, tail });
}
