// The browser's one way to call the console's own API: JSON in and out, every non-2xx answer
// rebuilt into the same typed error the server threw (the Apertis envelope, see lib/errors.ts).

export interface ApiErrorPayload {
  message: string;
  type?: string;
  code?: string;
  param?: string | null;
}

export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly param: string | null;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: { status: number; message: string; code?: string; type?: string; param?: string | null; retryAfter?: number | null }) {
    super(init.message);
    this.name = "ApiClientError";
    this.status = init.status;
    this.code = init.code ?? codeForStatus(init.status);
    this.type = init.type ?? "api_error";
    this.param = init.param ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiClientError(err: unknown): err is ApiClientError {
  return err instanceof ApiClientError;
}

function codeForStatus(status: number): string {
  if (status === 0) return "network_error";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "access_denied";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limit_exceeded";
  if (status >= 500) return "internal_error";
  return "invalid_request";
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isEnvelope(body: unknown): body is { error: ApiErrorPayload } {
  if (!body || typeof body !== "object" || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return Boolean(error) && typeof error === "object" && typeof (error as { message?: unknown }).message === "string";
}

/** Builds the typed error from a failed response's status, headers and (possibly non-JSON) body. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): ApiClientError {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (isEnvelope(body)) {
    const e = body.error;
    return new ApiClientError({ status, message: e.message, code: e.code, type: e.type, param: e.param ?? null, retryAfter });
  }
  const fallback =
    status >= 500
      ? "The console could not complete the request. Try again in a moment."
      : `The request failed (HTTP ${status}).`;
  return new ApiClientError({ status, message: fallback, retryAfter });
}

export type ApiInit = Omit<RequestInit, "body"> & {
  /** A plain value is sent as JSON; FormData, Blob and strings are sent as they are. */
  body?: unknown;
};

function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams || body instanceof ArrayBuffer) {
    return body;
  }
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return JSON.stringify(body);
}

/**
 * `apiFetch<T>("/api/keys")`: resolves with the parsed JSON (or undefined for 204), rejects with
 * an ApiClientError for any non-2xx status or a network failure. Never resolves on an error status.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  const body = encodeBody(init.body, headers);
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin", ...init, headers, body });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiClientError({ status: 0, message: "Could not reach the console. Check your connection and try again." });
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  }
  if (!res.ok) throw errorFromResponse(res.status, res.headers, parsed);
  return parsed as T;
}
