import "server-only";
import { ApiError, toApiError } from "@/lib/errors";
import { log } from "@/lib/log";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so that every failure leaves in the Apertis envelope with its status:
 * ApiError as is, zod errors as invalid_parameter, anything else as a logged internal_error.
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (err) {
      const apiError = toApiError(err);
      if (!(err instanceof ApiError) && apiError.code === "internal_error") {
        log.error("route failed", { path: new URL(request.url).pathname, err });
      }
      return Response.json(apiError.toBody(), { status: apiError.status, headers: apiError.headers });
    }
  };
}

/** Reads a JSON body; malformed JSON is a 400 invalid_request, never a 500. */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new ApiError("request_too_large", `Request body is larger than ${maxBytes} bytes.`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON.");
  }
}

/** JSON with BigInt values written as numbers (money is micro-USD, well inside 2^53). */
export function json(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
  return new Response(body, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
}
