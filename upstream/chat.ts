// POST /v1/chat/completions: OpenAI Chat Completions, streamed (SSE chunks) or whole.
import { invalidParameter } from "./errors";
import type { Exchange, StreamPlan } from "./exchange";
import { requireModel } from "./models";
import { optionalInt, requireArray, type Body } from "./params";
import {
  SYSTEM_FINGERPRINT,
  countMessages,
  countText,
  hash53,
  isRecord,
  lastText,
  messageText,
  simulatedReply,
  splitEven,
  splitPieces,
  sseData,
} from "./text";

interface FunctionTool {
  name: string;
  parameters: unknown;
}

interface Choice {
  index: number;
  content: string | null;
  toolCall: { id: string; name: string; arguments: string } | null;
  tokens: number;
  finish: "stop" | "length" | "tool_calls";
}

function functionTools(tools: unknown): FunctionTool[] {
  if (!Array.isArray(tools)) return [];
  const out: FunctionTool[] = [];
  for (const tool of tools) {
    if (isRecord(tool) && isRecord(tool.function) && typeof tool.function.name === "string") {
      out.push({ name: tool.function.name, parameters: tool.function.parameters });
    }
  }
  return out;
}

/** The tool to call: the one tool_choice forces, else one the last user message names. */
function pickTool(body: Body, messages: unknown[]): FunctionTool | null {
  const tools = functionTools(body.tools);
  const choice = body.tool_choice;
  if (tools.length === 0 || choice === "none") return null;
  if (isRecord(choice) && isRecord(choice.function)) {
    const forced = choice.function.name;
    return tools.find((t) => t.name === forced) ?? null;
  }
  const last = messages[messages.length - 1];
  const said = isRecord(last) && last.role === "user" ? messageText(last).toLowerCase() : "";
  return tools.find((t) => said.includes(t.name.toLowerCase())) ?? (choice === "required" ? (tools[0] ?? null) : null);
}

/** A plausible value for a JSON-schema property, so clients can parse the arguments they get. */
function sampleValue(schema: unknown): unknown {
  if (!isRecord(schema)) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case "string":
      return "simulated";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return null;
  }
}

function sampleArguments(parameters: unknown): string {
  const properties = isRecord(parameters) && isRecord(parameters.properties) ? parameters.properties : {};
  const args: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) args[key] = sampleValue(schema);
  return JSON.stringify(args);
}

export async function chatCompletions(ex: Exchange, body: Body): Promise<void> {
  const model = requireModel(body);
  const messages = requireArray(body, "messages");
  messages.forEach((m, i) => {
    if (!isRecord(m) || typeof m.role !== "string") throw invalidParameter(`messages[${i}]`, "Each message must be an object with a 'role'.");
  });
  const n = optionalInt(body, "n", 1, 128) ?? 1;
  const maxTokens = optionalInt(body, "max_completion_tokens", 1, 10_000_000) ?? optionalInt(body, "max_tokens", 1, 10_000_000);
  const includeUsage = isRecord(body.stream_options) && body.stream_options.include_usage === true;

  // The seed covers the conversation only: stream, n and max_tokens must not change the words.
  const seed = JSON.stringify(messages);
  const question = lastText(messages);
  const tool = pickTool(body, messages);
  const choices: Choice[] = [];
  for (let index = 0; index < n; index++) {
    const choiceSeed = index === 0 ? seed : `${seed}#${index}`;
    if (tool) {
      const args = sampleArguments(tool.parameters);
      const id = `call_${hash53(choiceSeed).toString(36)}`;
      choices.push({ index, content: null, toolCall: { id, name: tool.name, arguments: args }, tokens: countText(tool.name) + countText(args), finish: "tool_calls" });
    } else {
      const reply = simulatedReply(model, question, choiceSeed, maxTokens);
      choices.push({ index, content: reply.text, toolCall: null, tokens: reply.tokens, finish: reply.truncated ? "length" : "stop" });
    }
  }

  const promptTokens = countMessages(messages);
  const completionTokens = choices.reduce((sum, c) => sum + c.tokens, 0);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  const id = `chatcmpl-${ex.requestId.slice(4).replaceAll("-", "")}`;
  const created = Math.floor(Date.now() / 1000);

  if (body.stream === true) {
    await ex.stream(streamPlan({ id, created, model, choices, chunks: ex.pacing.chunks, usage: includeUsage ? usage : null }));
    return;
  }
  ex.json(200, {
    id,
    object: "chat.completion",
    created,
    model,
    choices: choices.map((c) => ({
      index: c.index,
      message: {
        role: "assistant",
        content: c.content,
        ...(c.toolCall ? { tool_calls: [{ id: c.toolCall.id, type: "function", function: { name: c.toolCall.name, arguments: c.toolCall.arguments } }] } : {}),
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: c.finish,
    })),
    usage,
    service_tier: "default",
    system_fingerprint: SYSTEM_FINGERPRINT,
  });
}

interface PlanInput {
  id: string;
  created: number;
  model: string;
  choices: Choice[];
  chunks: number;
  /** Present only when the client asked for it (stream_options.include_usage), as OpenAI does. */
  usage: object | null;
}

function streamPlan({ id, created, model, choices, chunks, usage }: PlanInput): StreamPlan {
  // OpenAI sends `usage: null` on every chunk once include_usage is on; clients may rely on it.
  const frame = (choice: object) =>
    sseData({ id, object: "chat.completion.chunk", created, model, system_fingerprint: SYSTEM_FINGERPRINT, choices: [choice], ...(usage ? { usage: null } : {}) });

  let head = "";
  const steps: string[] = [];
  let tail = "";
  for (const c of choices) {
    const call = c.toolCall;
    const opening = call
      ? { role: "assistant", content: null, tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] }
      : { role: "assistant", content: "", refusal: null };
    head += frame({ index: c.index, delta: opening, logprobs: null, finish_reason: null });
    const pieces = call ? splitEven(call.arguments, chunks) : splitPieces(c.content ?? "", chunks);
    pieces.forEach((piece, i) => {
      const delta = call ? { tool_calls: [{ index: 0, function: { arguments: piece } }] } : { content: piece };
      steps[i] = (steps[i] ?? "") + frame({ index: c.index, delta, logprobs: null, finish_reason: null });
    });
    tail += frame({ index: c.index, delta: {}, logprobs: null, finish_reason: c.finish });
  }
  if (usage) tail += sseData({ id, object: "chat.completion.chunk", created, model, system_fingerprint: SYSTEM_FINGERPRINT, choices: [], usage });
  return { head, deltas: steps, tail: `${tail}data: [DONE]\n\n` };
}
