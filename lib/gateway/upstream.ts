import "server-only";
import { Pool, errors as undiciErrors, type Dispatcher } from "undici";
import { env } from "@/lib/env";
import { ApiError, isErrorCode, type ErrorCode } from "@/lib/errors";

// Cloudflare in front of the real Apertis API answers 403 (error 1010) to non-browser agents.
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ApertisConsole/0.1";

/** Headers a client may pass through to the upstream; everything else (cookies, auth) is dropped. */
const PASS_HEADERS = ["content-type", "accept", "anthropic-version", "anthropic-beta", "openai-beta"];

export interface UpstreamTimeouts {
  firstByteMs: number;
  idleMs: number;
}

export class Upstream {
  readonly origin: string;
  readonly basePath: string;
  private readonly pool: Pool;
  private readonly authorization: string;
  private readonly simulated: boolean;

  constructor() {
    const e = env();
    const base = new URL(e.APERTIS_BASE_URL);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/$/, "");
    this.simulated = e.simulated;
    // The simulator needs no secret; it still gets a bearer so it behaves like the real API.
    this.authorization = `Bearer ${e.APERTIS_API_KEY ?? "sk-local-simulator"}`;
    this.pool = new Pool(this.origin, {
      connections: 512,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { timeout: e.UPSTREAM_CONNECT_TIMEOUT_MS },
    });
  }

  defaultTimeouts(): UpstreamTimeouts {
    const e = env();
    return { firstByteMs: e.UPSTREAM_FIRST_BYTE_TIMEOUT_MS, idleMs: e.UPSTREAM_IDLE_TIMEOUT_MS };
  }

  headersFor(clientHeaders: Record<string, string | undefined>, contentType?: string): Record<string, string> {
    const out: Record<string, string> = { authorization: this.authorization, "user-agent": BROWSER_UA };
    for (const name of PASS_HEADERS) {
      const v = clientHeaders[name];
      if (v) out[name] = v;
    }
    if (contentType) out["content-type"] = contentType;
    // Fault injection headers reach only the simulator, never a real upstream.
    if (this.simulated) {
      for (const [name, v] of Object.entries(clientHeaders)) if (name.startsWith("x-sim-") && v) out[name] = v;
    }
    return out;
  }

  async request(opts: {
    path: string;
    method: "GET" | "POST";
    headers: Record<string, string>;
    body?: Buffer | string;
    signal: AbortSignal;
    timeouts: UpstreamTimeouts;
  }): Promise<Dispatcher.ResponseData> {
    try {
      return await this.pool.request({
        path: this.basePath + opts.path,
        method: opts.method,
        headers: opts.headers,
        body: opts.body,
        signal: opts.signal,
        headersTimeout: opts.timeouts.firstByteMs,
        bodyTimeout: opts.timeouts.idleMs,
      });
    } catch (err) {
      throw mapTransportError(err, opts.signal);
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** Client gone: not an error to report, but the caller must stop. */
export class ClientAbortedError extends Error {}

export function mapTransportError(err: unknown, signal?: AbortSignal): Error {
  if (signal?.aborted) return new ClientAbortedError("client aborted");
  if (err instanceof ApiError) return err;
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
    return new ApiError("upstream_timeout", "The upstream did not answer in time. Try again, or raise the timeout with the X-Timeout header.");
  }
  if (err instanceof undiciErrors.ConnectTimeoutError) {
    return new ApiError("upstream_timeout", "Connecting to the upstream timed out. Try again shortly.");
  }
  return new ApiError("upstream_error", "The upstream could not be reached. Try again shortly; if it persists, contact the operator.");
}

interface UpstreamErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; param?: unknown } | string;
  message?: unknown;
  type?: unknown;
}

/**
 * Maps an upstream error answer (the documented Apertis codes, new-api's, OpenAI's or Anthropic's
 * shapes) to the console's envelope. The operator's credential problems become 502: the client's
 * own key is fine, and must not be told otherwise.
 */
export function mapUpstreamError(status: number, bodyText: string, retryAfter?: string): ApiError {
  let body: UpstreamErrorBody = {};
  try {
    body = JSON.parse(bodyText) as UpstreamErrorBody;
  } catch {
    // not JSON: keep the status only
  }
  const e = typeof body.error === "object" && body.error ? body.error : {};
  const upstreamCode = typeof e.code === "string" ? e.code : typeof e.type === "string" ? e.type : undefined;
  const rawMessage = typeof e.message === "string" ? e.message : typeof body.error === "string" ? body.error : typeof body.message === "string" ? body.message : "";
  const message = rawMessage.replace(/\s*\(request id: [^)]*\)\s*$/i, "").slice(0, 500);
  const param = typeof e.param === "string" ? e.param : undefined;

  if (upstreamCode === "insufficient_user_quota" || upstreamCode === "insufficient_quota") {
    return new ApiError("service_unavailable", "The console's upstream account is out of quota. Contact the operator.");
  }
  let code: ErrorCode;
  if (status === 401 || status === 403) {
    return new ApiError("upstream_error", "The upstream refused the console's credential. Contact the operator.");
  } else if (status === 429) {
    const headers: Record<string, string> = {};
    if (retryAfter) headers["retry-after"] = retryAfter;
    return new ApiError("rate_limit_exceeded", message || "The upstream is rate limiting this model. Retry shortly.", { headers });
  } else if (status === 404) {
    code = upstreamCode === "endpoint_not_found" ? "endpoint_not_found" : "model_not_found";
  } else if (status === 413) {
    code = "request_too_large";
  } else if (status >= 400 && status < 500) {
    code = isErrorCode(upstreamCode) && upstreamCode.startsWith("invalid") ? upstreamCode : upstreamCode === "context_length_exceeded" ? "context_length_exceeded" : "invalid_request";
  } else if (status === 503) {
    code = upstreamCode === "model_overloaded" ? "model_overloaded" : "service_unavailable";
  } else if (status === 504) {
    code = "upstream_timeout";
  } else {
    code = "upstream_error";
  }
  const fallback = code === "upstream_error" ? `The upstream failed (HTTP ${status}). Try again shortly.` : `The upstream answered HTTP ${status}.`;
  return new ApiError(code, message || fallback, { param });
}
