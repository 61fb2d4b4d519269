// The local upstream: a small OpenAI-compatible server that simulates the paid Apertis API for
// offline mode, tests and benchmarks. Plain node:http on purpose: it is the benchmarks' ceiling, so
// per-request work is kept to parsing, one handler and one write (no framework, no logging).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { messages } from "./anthropic";
import { chatCompletions } from "./chat";
import { embeddings } from "./embeddings";
import { SimError, invalidRequest, tooLarge } from "./errors";
import { Exchange, type Pacing } from "./exchange";
import { applyFault, requestedFault } from "./faults";
import { generateImages, serveImage, type ImageEnv } from "./images";
import { LruCache } from "./lru";
import { listModels, retrieveModel } from "./models";
import type { Body } from "./params";
import { responses } from "./responses";
import { detectAudioTools, speech, type AudioTools } from "./speech";
import { StatsRecorder, type Stats } from "./stats";
import { isRecord } from "./text";
import { transcriptions } from "./transcription";

export type { Stats } from "./stats";

export interface UpstreamOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the simulator is meant for loopback only. */
  host?: string;
  /** Pause between streamed content chunks (default 15 ms); 0 sends a stream in one write. */
  chunkIntervalMs?: number;
  /** How many content pieces a streamed reply is split into (default 12). */
  chunks?: number;
  /** Wait before any generation endpoint starts answering: time to first byte (default 0). */
  firstByteMs?: number;
  /** Extra wait before a non-streamed answer, standing in for generation time (default 0). */
  delayMs?: number;
  /** Base that image URLs point at instead of this server's own `/v1` (e.g. behind the console). */
  publicUrl?: string;
}

export interface Upstream {
  /** Base URL including `/v1`, e.g. http://127.0.0.1:4010/v1. */
  url: string;
  port: number;
  stats(): Stats;
  reset(): void;
  close(): Promise<void>;
}

const MAX_BODY = 30 * 1024 * 1024;
const IMAGE_CACHE = 200;

interface Route {
  /** Multipart routes take the raw body instead of parsed JSON. */
  json: boolean;
  handle(ex: Exchange, body: Body, raw: Buffer): void | Promise<void>;
}

function authorized(headers: IncomingHttpHeaders): boolean {
  const authorization = headers.authorization;
  // Authorization wins over x-api-key when both are sent, as on the real upstream.
  if (authorization !== undefined) return /^bearer\s+\S/i.test(authorization);
  const key = headers["x-api-key"];
  return typeof key === "string" && key.trim() !== "";
}

function intHeader(value: string | string[] | undefined, min: number, max: number): number | undefined {
  if (typeof value !== "string") return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Stream pacing, overridable per request by `x-sim-chunks` / `x-sim-interval-ms`. */
function pacingFor(headers: IncomingHttpHeaders, defaults: Pacing): Pacing {
  const chunks = intHeader(headers["x-sim-chunks"], 1, 10_000);
  const intervalMs = intHeader(headers["x-sim-interval-ms"], 0, 600_000);
  if (chunks === undefined && intervalMs === undefined) return defaults;
  return { chunks: chunks ?? defaults.chunks, intervalMs: intervalMs ?? defaults.intervalMs };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers["content-length"]) > MAX_BODY) return Promise.reject(tooLarge("Request bodies are limited to 30 MB."));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else reject(tooLarge("Request bodies are limited to 30 MB."));
    });
    req.on("end", () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => req.complete || reject(new Error("client aborted the request body")));
  });
}

function parseJson(raw: Buffer): Body {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw invalidRequest("We could not parse the JSON body of your request.");
  }
  if (!isRecord(value)) throw invalidRequest("The request body must be a JSON object.");
  return value;
}

/** Groups paths with ids so byPath stays small and readable. */
function statsPath(path: string): string {
  if (path.startsWith("/v1/models/")) return "/v1/models/{id}";
  if (path.startsWith("/v1/images/") && path.endsWith(".png")) return "/v1/images/{id}.png";
  return path;
}

export async function createUpstream(opts: UpstreamOptions = {}): Promise<Upstream> {
  const tools: AudioTools = await detectAudioTools();
  const host = opts.host ?? "127.0.0.1";
  const pacing: Pacing = { chunks: opts.chunks ?? 12, intervalMs: opts.chunkIntervalMs ?? 15 };
  const firstByteMs = opts.firstByteMs ?? 0;
  const delayMs = opts.delayMs ?? 0;
  const stats = new StatsRecorder();
  const live = new Set<Exchange>();
  const imageEnv: ImageEnv = { store: new LruCache<Buffer>(IMAGE_CACHE), publicBase: "" };

  const routes = new Map<string, Route>([
    ["/v1/chat/completions", { json: true, handle: (ex, body) => chatCompletions(ex, body) }],
    ["/v1/responses", { json: true, handle: (ex, body) => responses(ex, body) }],
    ["/v1/messages", { json: true, handle: (ex, body) => messages(ex, body) }],
    ["/v1/embeddings", { json: true, handle: (ex, body) => embeddings(ex, body) }],
    ["/v1/images/generations", { json: true, handle: (ex, body) => generateImages(ex, body, imageEnv) }],
    ["/v1/audio/speech", { json: true, handle: (ex, body) => speech(ex, body, tools) }],
    ["/v1/audio/transcriptions", { json: false, handle: (ex, _body, raw) => transcriptions(ex, raw) }],
  ]);

  async function serveGet(ex: Exchange, path: string): Promise<void> {
    ex.fault = requestedFault(ex.req.headers["x-sim-fault"], undefined);
    if (!(await applyFault(ex))) return;
    if (path === "/v1/models") return listModels(ex);
    if (path.startsWith("/v1/models/")) return retrieveModel(ex, decodeURIComponent(path.slice("/v1/models/".length)));
    throw new SimError(404, "invalid_request_error", "endpoint_not_found", `Unknown endpoint GET ${path} (local upstream).`);
  }

  async function servePost(ex: Exchange, path: string, route: Route): Promise<void> {
    const raw = await readBody(ex.req);
    const body = route.json ? parseJson(raw) : {};
    if (route.json) stats.record(path, ex.req.headers, body);
    ex.fault = requestedFault(ex.req.headers["x-sim-fault"], body.model);
    if (!(await applyFault(ex))) return;
    if (firstByteMs > 0 && !(await ex.sleep(firstByteMs))) return;
    if (delayMs > 0 && body.stream !== true && !(await ex.sleep(delayMs))) return;
    await route.handle(ex, body, raw);
  }

  async function serve(ex: Exchange, path: string): Promise<void> {
    const { method, headers } = ex.req;
    stats.record(path, headers, undefined);
    // Image files are fetched by browsers without credentials, like the real upstream's signed URLs.
    if (method === "GET" && path.startsWith("/v1/images/") && path.endsWith(".png")) {
      return serveImage(ex, path.slice("/v1/images/".length, -".png".length), imageEnv.store);
    }
    if (!authorized(headers)) {
      throw new SimError(401, "authentication_error", "invalid_api_key", "Missing or malformed API key: send 'Authorization: Bearer <key>' (the local upstream accepts any non-empty key).");
    }
    const route = method === "POST" ? routes.get(path) : undefined;
    if (route) return servePost(ex, path, route);
    if (method === "GET") return serveGet(ex, path);
    throw new SimError(404, "invalid_request_error", "endpoint_not_found", `Unknown endpoint ${method} ${path} (local upstream).`);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    const ex = new Exchange(req, res, pacingFor(req.headers, pacing));
    req.on("error", () => {}); // a client that vanishes mid-body must not crash the process
    res.on("error", () => {});

    // Control routes are not counted: they are the test harness talking, not "paid" traffic.
    if (path === "/health") return ex.json(200, { ok: true, simulated: true });
    if (path === "/__sim/stats" && req.method === "GET") return ex.json(200, stats.snapshot());
    if (path === "/__sim/reset" && req.method === "POST") {
      stats.reset();
      return ex.json(200, { ok: true });
    }

    const epoch = stats.started(statsPath(path));
    live.add(ex);
    res.on("close", () => {
      live.delete(ex);
      stats.finished(epoch, res.writableFinished ? "completed" : ex.cutBySimulator ? "cut" : "cancelled");
      ex.shutdown();
    });
    serve(ex, path).catch((error: unknown) => {
      if (res.headersSent) {
        if (!res.writableEnded) res.destroy();
      } else if (error instanceof SimError) ex.fail(error);
      else if (!ex.closed) ex.fail(new SimError(500, "server_error", "internal_error", "The local upstream failed unexpectedly."));
    });
  }

  const server = createServer(onRequest);
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${reachable}:${port}/v1`;
  imageEnv.publicBase = opts.publicUrl?.replace(/\/+$/, "") ?? url;

  return {
    url,
    port,
    stats: () => stats.snapshot(),
    reset: () => stats.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ex of live) ex.shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
