import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError, parseInput, toApiError } from "@/lib/errors";
import { hashSecret, looksLikeKey } from "@/lib/keys/secret";
import { usageCharged } from "@/lib/billing/balance";
import { imageCost, speechCost, tokenCost, transcriptionCost } from "@/lib/billing/cost";
import { tierRank, type Tier } from "@/lib/catalog/models";
import { log } from "@/lib/log";
import { fromMilli } from "@/lib/milli";
import { microsToUsd } from "@/lib/money";
import { processSingleton } from "@/lib/shared-state";
import { Accounts, type KeyState, type Reservation, type UserState } from "./accounts";
import { CatalogCache } from "./catalog";
import { matchEndpoint, type Endpoint } from "./endpoints";
import { RateLimits } from "./rate-limit";
import { deltaText, relaySse, type StreamFormat, type StreamObserver } from "./sse";
import { countPromptTokens, countText, estimateTokensFromBytes } from "./tokens";
import { ClientAbortedError, mapTransportError, mapUpstreamError, Upstream, type UpstreamTimeouts } from "./upstream";
import { UsageWriter } from "./usage-writer";
import { mediaDuration } from "./audio";
import * as v from "./validate";
import type { GatewayRequest, GatewayResponse, PriceRecord, UsageRecord } from "./types";

const modalityOf: Partial<Record<Endpoint["kind"], PriceRecord["modality"][]>> = {
  chat: ["chat"],
  responses: ["chat"],
  messages: ["chat"],
  embeddings: ["embedding"],
  images: ["image"],
  speech: ["tts"],
  transcriptions: ["stt"],
};

const DEFAULT_OUTPUT_ESTIMATE = 1024;

/** One per process (shared by the lean path and the playground routes, see shared-state.ts). */
export class Gateway {
  readonly catalog = new CatalogCache();
  readonly accounts = new Accounts(this.catalog);
  readonly limits = new RateLimits();
  readonly upstream = new Upstream();
  readonly writer: UsageWriter;
  private inFlight = 0;
  private draining = false;

  constructor() {
    const e = env();
    this.writer = new UsageWriter(this.accounts, e.USAGE_FLUSH_MS, e.USAGE_BUFFER_MAX);
  }

  get active(): number {
    return this.inFlight;
  }

  async handle(req: GatewayRequest): Promise<GatewayResponse> {
    const started = performance.now();
    const requestId = `req_${randomUUID().replace(/-/g, "")}`;
    const ctx: Ctx = { req, requestId, started, headers: { "x-request-id": requestId }, model: null };
    this.inFlight++;
    let handedOff = false;
    try {
      if (this.draining) throw new ApiError("service_unavailable", "The console is restarting. Retry in a few seconds.");
      if (this.writer.buffered >= this.writer.maxBuffered) {
        throw new ApiError("service_unavailable", "Usage cannot be recorded right now (database unavailable). Retry shortly.");
      }
      const res = await this.pipeline(ctx);
      if (isStreaming(res.body)) {
        handedOff = true;
        res.body = this.trackStream(res.body);
      }
      return res;
    } catch (err) {
      return this.fail(ctx, err);
    } finally {
      if (!handedOff) this.inFlight--;
    }
  }

  private async *trackStream(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
    try {
      yield* body;
    } finally {
      this.inFlight--;
    }
  }

  private fail(ctx: Ctx, err: unknown): GatewayResponse {
    const e = err instanceof ClientAbortedError ? new ApiError("invalid_request", "Client closed the request.") : toApiError(err);
    if (!(err instanceof ApiError) && !(err instanceof ClientAbortedError)) log.error("gateway error", { requestId: ctx.requestId, err });
    if (ctx.key && ctx.user && e.status !== 401) this.record(ctx, { status: err instanceof ClientAbortedError ? 499 : e.status, errorCode: e.code });
    const body: Record<string, unknown> = e.toBody() as unknown as Record<string, unknown>;
    if (ctx.endpoint?.kind === "messages") body.type = "error"; // Anthropic clients look for it
    return { status: e.status, headers: { ...ctx.headers, ...e.headers, "content-type": "application/json" }, body: JSON.stringify(body) };
  }

  private async pipeline(ctx: Ctx): Promise<GatewayResponse> {
    const { req } = ctx;
    const match = matchEndpoint(req.method, req.path);
    if (!match) throw new ApiError("endpoint_not_found", `Unknown endpoint: ${req.method} ${req.path}. See the API reference for the supported paths.`);
    if ("methodNotAllowed" in match) throw new ApiError("method_not_allowed", `${req.path} accepts ${match.methodNotAllowed.method} only.`);
    const { endpoint } = match;
    ctx.endpoint = endpoint;

    await this.authenticate(ctx);
    await this.catalog.ready();
    const key = ctx.key!;
    const user = ctx.user!;

    if (endpoint.kind === "models" || endpoint.kind === "model" || endpoint.kind === "credits") {
      this.accounts.authorize(key, user, null, req.clientIp);
      Object.assign(ctx.headers, (await this.limits.admit(key, user, 0)).headers);
      if (endpoint.kind === "credits") return this.json(ctx, 200, await this.creditsBody(key, user));
      return this.json(ctx, 200, this.modelsBody(key, user, match.param));
    }

    const limit = endpoint.maxBodyBytes ?? env().MAX_BODY_BYTES;
    const raw = await req.readBody(limit);
    const call = endpoint.body === "multipart" ? await parseMultipart(raw, req.headers["content-type"]) : parseJson(raw, req.headers["content-type"]);
    const plan = this.plan(endpoint, call);
    ctx.model = plan.model;
    const price = this.catalog.price(plan.model);
    if (!price) throw new ApiError("model_not_found", `The model ${plan.model} does not exist or is not available. List models with GET /v1/models.`, { param: "model" });
    if (!modalityOf[endpoint.kind]?.includes(price.modality)) {
      throw new ApiError("invalid_parameter", `${plan.model} is a ${price.modality} model and cannot serve ${req.path}.`, { param: "model" });
    }
    ctx.price = price;
    this.accounts.authorize(key, user, plan.model, req.clientIp);
    if (price.contextLength && plan.promptEstimate > price.contextLength * 1.5) {
      throw new ApiError("context_length_exceeded", `The input is longer than ${plan.model}'s context of ${price.contextLength} tokens.`, { param: "messages" });
    }
    const rate = await this.limits.admit(key, user, plan.promptEstimate);
    Object.assign(ctx.headers, rate.headers);
    const estimate = plan.estimateCost(price);
    ctx.reservation = this.accounts.reserve(key, user, price, estimate);
    await this.accounts.reserveAcrossProcesses(ctx.reservation);
    ctx.tpmAdmitted = plan.promptEstimate;
    try {
      return await this.forward(ctx, endpoint, call, plan, price);
    } catch (err) {
      if (ctx.reservation) this.accounts.refund(ctx.reservation);
      throw err;
    }
  }

  private async authenticate(ctx: Ctx): Promise<void> {
    const { req } = ctx;
    let resolved: { key: KeyState; user: UserState } | null;
    if (req.keyId) {
      resolved = await this.accounts.resolve({ keyId: req.keyId });
    } else {
      const auth = req.headers.authorization;
      const secret = auth ? auth.replace(/^Bearer\s+/i, "").trim() : req.headers["x-api-key"]?.trim();
      if (!secret) throw new ApiError("missing_api_key", "Missing API key. Send it as 'Authorization: Bearer sk-...' or 'x-api-key: sk-...'.");
      if (!looksLikeKey(secret)) throw new ApiError("invalid_api_key", "Invalid API key. Check the key, or create one on the API keys page.");
      resolved = await this.accounts.resolve({ hash: hashSecret(secret, env().KEY_PEPPER) });
    }
    if (!resolved) throw new ApiError("invalid_api_key", "Invalid API key. Check the key, or create one on the API keys page.");
    ctx.key = resolved.key;
    ctx.user = resolved.user;
  }

  private plan(endpoint: Endpoint, call: ParsedCall): CallPlan {
    const bytes = call.bytes;
    switch (endpoint.kind) {
      case "chat": {
        const b = parseInput(v.chatSchema, call.json);
        const n = b.n ?? 1;
        const out = (b.max_completion_tokens ?? b.max_tokens ?? DEFAULT_OUTPUT_ESTIMATE) * n;
        const promptEstimate = estimateTokensFromBytes(bytes);
        return { model: b.model, stream: b.stream === true, promptEstimate, estimateCost: (p) => tokenCost(p, promptEstimate, out) };
      }
      case "responses": {
        const b = parseInput(v.responsesSchema, call.json);
        const out = b.max_output_tokens ?? DEFAULT_OUTPUT_ESTIMATE;
        const promptEstimate = estimateTokensFromBytes(bytes);
        return { model: b.model, stream: b.stream === true, promptEstimate, estimateCost: (p) => tokenCost(p, promptEstimate, out) };
      }
      case "messages": {
        const b = parseInput(v.messagesSchema, call.json);
        const promptEstimate = estimateTokensFromBytes(bytes);
        return { model: b.model, stream: b.stream === true, promptEstimate, estimateCost: (p) => tokenCost(p, promptEstimate, b.max_tokens) };
      }
      case "embeddings": {
        const b = parseInput(v.embeddingsSchema, call.json);
        const promptEstimate = estimateTokensFromBytes(bytes);
        return { model: b.model, stream: false, promptEstimate, estimateCost: (p) => tokenCost(p, promptEstimate, 0) };
      }
      case "images": {
        const b = parseInput(v.imagesSchema, call.json);
        const model = b.model ?? "dall-e-2";
        const n = b.n ?? 1;
        return { model, stream: false, promptEstimate: 0, estimateCost: (p) => imageCost(p, n, b.size ?? undefined, b.quality ?? undefined), images: { n, size: b.size ?? undefined, quality: b.quality ?? undefined } };
      }
      case "speech": {
        const b = parseInput(v.speechSchema, call.json);
        const chars = b.input.length;
        return { model: b.model, stream: false, promptEstimate: 0, estimateCost: (p) => speechCost(p, chars), chars };
      }
      case "transcriptions": {
        const f = call.form!;
        const file = f.get("file");
        if (!(file instanceof Blob)) throw new ApiError("missing_parameter", "Missing required parameter: file.", { param: "file" });
        const fields = parseInput(v.transcriptionFields, Object.fromEntries([...f.entries()].filter(([, val]) => typeof val === "string")));
        const name = file instanceof File ? file.name : "audio";
        if (!/\.(flac|mp3|mp4|mpeg|mpga|m4a|ogg|oga|wav|webm)$/i.test(name)) {
          throw new ApiError("invalid_file_format", `Unsupported file type: ${name}. Use flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm.`, { param: "file" });
        }
        if (file.size > 25 * 1024 * 1024) throw new ApiError("request_too_large", "The audio file is larger than 25 MB.", { param: "file" });
        const estimateSeconds = Math.min(3 * 3600, file.size / 1000); // 8 kbit/s: a generous upper bound
        return {
          model: fields.model,
          stream: false,
          promptEstimate: 0,
          estimateCost: (p) => transcriptionCost(p, estimateSeconds),
          audio: { file, responseFormat: fields.response_format ?? "json" },
        };
      }
      default:
        throw new ApiError("endpoint_not_found", "Unknown endpoint.");
    }
  }

  private async forward(ctx: Ctx, endpoint: Endpoint, call: ParsedCall, plan: CallPlan, price: PriceRecord): Promise<GatewayResponse> {
    const { req } = ctx;
    const format: StreamFormat | null = plan.stream && (endpoint.kind === "chat" || endpoint.kind === "responses" || endpoint.kind === "messages") ? endpoint.kind : null;
    let body: Buffer | string = call.raw;
    let clientWantsUsage = false;
    if (format === "chat") {
      // Ask for the usage chunk so every stream is metered exactly; strip it again if unasked.
      const json = call.json as { stream_options?: { include_usage?: boolean } };
      clientWantsUsage = json.stream_options?.include_usage === true;
      if (!clientWantsUsage) body = JSON.stringify({ ...json, stream_options: { ...json.stream_options, include_usage: true } });
    }
    const upstreamAbort = new AbortController();
    const onClientAbort = () => upstreamAbort.abort();
    req.signal.addEventListener("abort", onClientAbort, { once: true });
    if (req.signal.aborted) upstreamAbort.abort();
    const timeouts = this.timeouts(req.headers["x-timeout"]);
    const upstreamHeaders = this.upstream.headersFor(req.headers, endpoint.body === "multipart" ? req.headers["content-type"] : "application/json");

    let res;
    try {
      res = await this.upstream.request({ path: endpoint.upstreamPath!, method: "POST", headers: upstreamHeaders, body, signal: upstreamAbort.signal, timeouts });
    } catch (err) {
      req.signal.removeEventListener("abort", onClientAbort);
      throw err instanceof ClientAbortedError ? err : mapTransportError(err, req.signal);
    }
    ctx.ttfbMs = Math.round(performance.now() - ctx.started);
    ctx.upstreamRequestId = headerValue(res.headers["x-request-id"]) ?? headerValue(res.headers["request-id"]);
    const contentType = headerValue(res.headers["content-type"]) ?? "application/json";

    if (res.statusCode >= 400) {
      const text = await res.body.text().catch(() => "");
      req.signal.removeEventListener("abort", onClientAbort);
      throw mapUpstreamError(res.statusCode, text, headerValue(res.headers["retry-after"]));
    }

    if (format) {
      if (!contentType.includes("text/event-stream")) {
        const text = await res.body.text().catch(() => "");
        req.signal.removeEventListener("abort", onClientAbort);
        throw new ApiError("upstream_error", `The upstream answered a stream request with ${contentType}: ${text.slice(0, 120)}`);
      }
      return {
        status: 200,
        headers: { ...ctx.headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no", connection: "keep-alive" },
        body: this.streamBody(ctx, res.body, format, clientWantsUsage, call, price, () => {
          req.signal.removeEventListener("abort", onClientAbort);
        }, upstreamAbort),
      };
    }

    if (endpoint.kind === "speech") {
      // Audio streams straight through; its price is known from the input text.
      return {
        status: 200,
        headers: { ...ctx.headers, "content-type": contentType, ...(res.headers["x-simulated-format"] ? { "x-simulated-format": String(res.headers["x-simulated-format"]) } : {}) },
        body: this.binaryBody(ctx, res.body, speechCost(price, plan.chars ?? 0), () => req.signal.removeEventListener("abort", onClientAbort)),
      };
    }

    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      throw mapTransportError(err, req.signal);
    } finally {
      req.signal.removeEventListener("abort", onClientAbort);
    }
    const cost = await this.costOf(endpoint, text, contentType, call, plan, price);
    const settled = this.accounts.settle(ctx.reservation!, cost.cost);
    ctx.reservation = undefined;
    this.record(ctx, { status: 200, promptTokens: cost.promptTokens, completionTokens: cost.completionTokens, cost: settled.cost, quotaCost: settled.quota });
    void this.limits.addTokens(ctx.key!, ctx.user!, cost.promptTokens + cost.completionTokens - (ctx.tpmAdmitted ?? 0));
    return { status: 200, headers: { ...ctx.headers, "content-type": contentType }, body: text };
  }

  /** Reads usage from a complete JSON answer; a 200 that is not JSON is the upstream's fault. */
  private async costOf(endpoint: Endpoint, text: string, contentType: string, call: ParsedCall, plan: CallPlan, price: PriceRecord) {
    const isJson = contentType.includes("json");
    let body: Record<string, unknown> = {};
    if (isJson) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new ApiError("upstream_error", "The upstream sent a malformed answer. Try again.");
      }
    } else if (endpoint.kind !== "transcriptions") {
      throw new ApiError("upstream_error", `The upstream sent ${contentType} where JSON was expected.`);
    }
    const usage = (body.usage ?? {}) as Record<string, number | undefined>;
    switch (endpoint.kind) {
      case "chat":
      case "responses":
      case "messages": {
        const promptTokens = usage.prompt_tokens ?? usage.input_tokens ?? (await countPromptTokens(call.json as Record<string, unknown>));
        const completionTokens = usage.completion_tokens ?? usage.output_tokens ?? (await countText(extractText(body)));
        return { promptTokens, completionTokens, cost: tokenCost(price, promptTokens, completionTokens) };
      }
      case "embeddings": {
        const promptTokens = usage.prompt_tokens ?? usage.total_tokens ?? plan.promptEstimate;
        return { promptTokens, completionTokens: 0, cost: tokenCost(price, promptTokens, 0) };
      }
      case "images": {
        const n = Array.isArray(body.data) ? body.data.length : (plan.images?.n ?? 1);
        return { promptTokens: 0, completionTokens: 0, cost: imageCost(price, n, plan.images?.size, plan.images?.quality) };
      }
      case "transcriptions": {
        const seconds = usage.seconds ?? (typeof body.duration === "number" ? body.duration : undefined) ?? (await mediaDuration(plan.audio!.file, text));
        return { promptTokens: 0, completionTokens: 0, cost: transcriptionCost(price, seconds ?? 0) };
      }
      default:
        return { promptTokens: 0, completionTokens: 0, cost: 0n };
    }
  }

  private async *streamBody(
    ctx: Ctx,
    body: AsyncIterable<Uint8Array>,
    format: StreamFormat,
    clientWantsUsage: boolean,
    call: ParsedCall,
    price: PriceRecord,
    cleanup: () => void,
    upstreamAbort: AbortController,
  ): AsyncGenerator<string> {
    const obs: StreamObserver = { usage: {}, deltas: [], sawDone: false, events: 0 };
    let failure: ApiError | null = null;
    let firstFrame = true;
    try {
      for await (const out of relaySse(body, format, clientWantsUsage, obs)) {
        if (firstFrame) {
          ctx.ttfbMs = Math.round(performance.now() - ctx.started);
          firstFrame = false;
        }
        yield out;
      }
      if (!obs.sawDone) failure = new ApiError("upstream_error", "The upstream ended the stream early.");
    } catch (err) {
      if (!ctx.req.signal.aborted) failure = toApiError(mapTransportError(err, ctx.req.signal));
    } finally {
      cleanup();
      // A generator closed by the consumer (client gone) lands here too: stop the upstream.
      if (!obs.sawDone) upstreamAbort.abort();
      const aborted = ctx.req.signal.aborted;
      const promptTokens = obs.usage.promptTokens ?? (await countPromptTokens(call.json as Record<string, unknown>));
      const completionTokens = obs.usage.completionTokens ?? (await countText(deltaText(format, obs.deltas)));
      const cost = tokenCost(price, promptTokens, completionTokens);
      const settled = this.accounts.settle(ctx.reservation!, obs.events > 0 ? cost : 0n);
      ctx.reservation = undefined;
      this.record(ctx, {
        status: aborted ? 499 : failure ? 502 : 200,
        errorCode: aborted ? "client_closed" : failure ? failure.code : null,
        promptTokens,
        completionTokens,
        cost: settled.cost,
        quotaCost: settled.quota,
        stream: true,
      });
      void this.limits.addTokens(ctx.key!, ctx.user!, promptTokens + completionTokens - (ctx.tpmAdmitted ?? 0));
    }
    if (failure && !ctx.req.signal.aborted) yield errorEvent(format, failure);
  }

  private async *binaryBody(ctx: Ctx, body: AsyncIterable<Uint8Array>, cost: bigint, cleanup: () => void): AsyncGenerator<Uint8Array> {
    let bytes = 0;
    let failure: string | null = null;
    try {
      for await (const chunk of body) {
        bytes += chunk.length;
        yield chunk;
      }
    } catch {
      failure = ctx.req.signal.aborted ? "client_closed" : "upstream_error";
    } finally {
      cleanup();
      const settled = this.accounts.settle(ctx.reservation!, bytes > 0 ? cost : 0n);
      ctx.reservation = undefined;
      this.record(ctx, { status: failure === "client_closed" ? 499 : failure ? 502 : 200, errorCode: failure, cost: settled.cost, quotaCost: settled.quota });
    }
  }

  private record(ctx: Ctx, r: Partial<UsageRecord> & { status: number }): void {
    const key = ctx.key!;
    const user = ctx.user!;
    this.writer.push({
      requestId: ctx.requestId,
      createdAt: new Date(),
      userId: user.id,
      keyId: key.record.id,
      subscriptionId: key.record.kind === "SUBSCRIPTION" ? key.record.subscriptionId : null,
      model: ctx.model ?? "-",
      endpoint: ctx.endpoint ? ctx.req.path.replace(/^\/v1/, "").replace(/\/$/, "") : ctx.req.path,
      source: ctx.req.source ?? "API",
      status: r.status,
      errorCode: r.errorCode ?? null,
      promptTokens: r.promptTokens ?? 0,
      completionTokens: r.completionTokens ?? 0,
      cost: r.cost ?? 0n,
      quotaCost: r.quotaCost ?? 0n,
      latencyMs: Math.round(performance.now() - ctx.started),
      ttfbMs: ctx.ttfbMs ?? null,
      stream: r.stream ?? false,
      upstreamRequestId: ctx.upstreamRequestId ?? null,
      clientIp: ctx.req.clientIp || null,
    });
  }

  private timeouts(header: string | undefined): UpstreamTimeouts {
    const base = this.upstream.defaultTimeouts();
    const seconds = header ? Number(header) : NaN;
    if (!Number.isFinite(seconds) || seconds <= 0) return base;
    const ms = Math.min(600, seconds) * 1000;
    return { firstByteMs: ms, idleMs: ms };
  }

  private json(ctx: Ctx, status: number, data: unknown): GatewayResponse {
    return { status, headers: { ...ctx.headers, "content-type": "application/json" }, body: JSON.stringify(data) };
  }

  private modelsBody(key: KeyState, user: UserState, id: string | undefined) {
    const sub = key.record.kind === "SUBSCRIPTION" ? user.subscription : null;
    const visible = this.catalog.allPrices().filter((p) => {
      if (key.record.allowedModels.size && !key.record.allowedModels.has(p.model)) return false;
      if (sub && (tierRank[p.tier as Tier] ?? 99) > sub.plan.rank) return false;
      return true;
    });
    const shape = (p: PriceRecord) => ({
      id: p.model,
      object: "model",
      created: p.created,
      owned_by: p.ownedBy,
      ...(sub ? { multiplier: fromMilli(p.multiplier), tier: p.tier, context_length: p.contextLength } : {}),
    });
    if (id === undefined) return { object: "list", data: visible.map(shape) };
    const found = visible.find((p) => p.model === id);
    if (!found) throw new ApiError("model_not_found", `The model ${id} does not exist or is not available to this key.`, { param: "model" });
    return shape(found);
  }

  /**
   * The account's balance as Apertis reports it. One ledger query for what usage has cost so far
   * (not cached: nothing else needs it, and this is an account call, not a model request), under
   * the lock the usage writer holds from a batch's commit until its amounts leave "unwritten", so a
   * batch is counted once: in the ledger or in memory, never both or neither.
   */
  private async creditsBody(key: KeyState, user: UserState) {
    const { c, used } = await this.accounts.lock.run(async () => {
      const written = await usageCharged(user.id);
      const c = this.accounts.credits(key, user);
      return { c, used: written + c.unwrittenUsage };
    });
    const sub = c.subscription;
    return {
      object: "billing_credits",
      is_subscriber: Boolean(sub && sub.plan.rank > 0),
      payg: {
        remaining_usd: microsToUsd(c.balance),
        used_usd: microsToUsd(used),
        total_usd: microsToUsd(c.balance + used),
        is_unlimited: false,
        ...(c.budget ? { monthly_limit_usd: microsToUsd(c.budget.limit), monthly_used_usd: microsToUsd(c.budget.spent) } : {}),
      },
      ...(sub
        ? {
            subscription: {
              plan_type: sub.plan.slug,
              status: sub.status.toLowerCase(),
              cycle_quota_limit: fromMilli(sub.cycleQuota),
              cycle_quota_used: fromMilli(c.spentCycle),
              cycle_quota_remaining: Math.max(0, fromMilli(sub.cycleQuota - c.spentCycle)),
              cycle_start: new Date(sub.cycleStart).toISOString(),
              cycle_end: new Date(sub.cycleEnd).toISOString(),
              payg_fallback_enabled: sub.paygFallback,
            },
          }
        : {}),
    };
  }

  /** Stops taking requests and waits for those in flight (streams included), then flushes usage. */
  async drain(ms: number): Promise<void> {
    this.draining = true;
    const deadline = Date.now() + ms;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await this.writer.close(Math.max(1000, deadline - Date.now()));
  }
}

interface Ctx {
  req: GatewayRequest;
  requestId: string;
  started: number;
  headers: Record<string, string>;
  endpoint?: Endpoint;
  key?: KeyState;
  user?: UserState;
  model: string | null;
  price?: PriceRecord;
  reservation?: Reservation;
  ttfbMs?: number;
  upstreamRequestId?: string;
  tpmAdmitted?: number;
}

interface ParsedCall {
  raw: Buffer;
  bytes: number;
  json: unknown;
  form?: FormData;
}

interface CallPlan {
  model: string;
  stream: boolean;
  promptEstimate: number;
  estimateCost: (p: PriceRecord) => bigint;
  images?: { n: number; size?: string; quality?: string };
  chars?: number;
  audio?: { file: Blob; responseFormat: string };
}

function parseJson(raw: Buffer, contentType: string | undefined): ParsedCall {
  if (contentType && !/json/i.test(contentType)) {
    throw new ApiError("invalid_request", `Content-Type must be application/json (got ${contentType}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON.");
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new ApiError("invalid_request", "Request body must be a JSON object.");
  return { raw, bytes: raw.length, json };
}

async function parseMultipart(raw: Buffer, contentType: string | undefined): Promise<ParsedCall> {
  if (!contentType?.startsWith("multipart/form-data")) {
    throw new ApiError("invalid_request", "Content-Type must be multipart/form-data with a file field.");
  }
  try {
    const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
    return { raw, bytes: raw.length, json: {}, form };
  } catch {
    throw new ApiError("invalid_request", "Malformed multipart body.");
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function isStreaming(body: GatewayResponse["body"]): body is AsyncIterable<Uint8Array | string> {
  return typeof body === "object" && body !== null && Symbol.asyncIterator in body;
}

function extractText(body: Record<string, unknown>): string {
  const choices = body.choices as Array<{ message?: { content?: unknown } }> | undefined;
  if (choices) return choices.map((c) => (typeof c.message?.content === "string" ? c.message.content : "")).join("");
  const content = body.content as Array<{ text?: unknown }> | undefined;
  if (Array.isArray(content)) return content.map((c) => (typeof c.text === "string" ? c.text : "")).join("");
  if (typeof body.output_text === "string") return body.output_text;
  return "";
}

function errorEvent(format: StreamFormat, err: ApiError): string {
  const body = err.toBody();
  if (format === "messages") return `event: error\ndata: ${JSON.stringify({ type: "error", error: { type: body.error.type, message: body.error.message } })}\n\n`;
  if (format === "responses") return `event: error\ndata: ${JSON.stringify({ type: "error", code: body.error.code, message: body.error.message, param: null })}\n\n`;
  return `data: ${JSON.stringify(body)}\n\n`;
}

export function getGateway(): Gateway {
  return processSingleton("gateway", () => new Gateway());
}
