// One streamed chat completion through the playground door: fetch, read the SSE events, measure.
// Framework-free so the hook that drives the UI stays small.
import type { ApiClientError } from "@/lib/client/fetcher";
import type { CatalogPrice } from "@/lib/catalog/prices";
import type { ChatRequestBody } from "@/lib/playground/chat-request";
import { readChatStream, type ChatUsage } from "@/lib/playground/chat-stream";
import type { ReplyMetrics, StoredError } from "@/lib/playground/conversations";
import { chatCostUsd } from "@/lib/playground/cost";
import { errorFromFetch, errorFromStream, networkError } from "@/lib/playground/errors";
import { keyHeaders } from "../use-playground-key";

export interface CompletionResult {
  content: string;
  reasoning: string;
  metrics: ReplyMetrics;
  error?: StoredError;
}

export function storedError(err: ApiClientError): StoredError {
  return { message: err.message, status: err.status, code: err.code, param: err.param, retryAfter: err.retryAfter };
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

export async function runCompletion(opts: {
  body: ChatRequestBody;
  keyId: string;
  price: CatalogPrice | undefined;
  signal: AbortSignal;
  /** Called with the whole text so far whenever it grows. */
  onText: (content: string, reasoning: string) => void;
}): Promise<CompletionResult> {
  const started = performance.now();
  let ttftMs: number | null = null;
  let usage: ChatUsage | null = null;
  let finishReason: string | null = null;
  let content = "";
  let reasoning = "";
  let error: StoredError | undefined;
  let stopped = false;
  try {
    const res = await fetch("/api/playground/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...keyHeaders(opts.keyId) },
      body: JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: "same-origin",
    });
    if (!res.ok || !res.body) {
      error = storedError(await errorFromFetch(res));
    } else {
      for await (const event of readChatStream(res.body)) {
        if (event.type === "delta" || event.type === "reasoning") {
          ttftMs ??= performance.now() - started;
          if (event.type === "delta") content += event.content;
          else reasoning += event.content;
          opts.onText(content, reasoning);
        } else if (event.type === "usage") usage = event.usage;
        else if (event.type === "finish") finishReason = event.reason;
        else if (event.type === "error") error = storedError(errorFromStream(event.error));
      }
    }
  } catch (err) {
    if (isAbort(err) || opts.signal.aborted) stopped = true;
    else error = storedError(networkError());
  }
  const metrics: ReplyMetrics = {
    model: opts.body.model,
    ttftMs: ttftMs === null ? null : Math.round(ttftMs),
    totalMs: Math.round(performance.now() - started),
    promptTokens: usage?.promptTokens ?? null,
    completionTokens: usage?.completionTokens ?? null,
    costUsd: usage && opts.price ? chatCostUsd(opts.price, usage.promptTokens, usage.completionTokens) : null,
    finishReason,
    stopped,
  };
  return { content, reasoning, metrics, error };
}
