// One error type for the whole console: the gateway, the management API and the browser all speak
// the Apertis envelope {"error":{"message","type","code","param"}} (see APERTIS-API.md).
import type { z } from "zod";

export const errorCodes = {
  invalid_request: { status: 400, type: "invalid_request_error" },
  invalid_parameter: { status: 400, type: "invalid_request_error" },
  missing_parameter: { status: 400, type: "invalid_request_error" },
  context_length_exceeded: { status: 400, type: "invalid_request_error" },
  invalid_file_format: { status: 400, type: "invalid_request_error" },
  unauthenticated: { status: 401, type: "authentication_error" },
  missing_api_key: { status: 401, type: "authentication_error" },
  invalid_api_key: { status: 401, type: "authentication_error" },
  expired_api_key: { status: 401, type: "authentication_error" },
  invalid_credentials: { status: 401, type: "authentication_error" },
  quota_exceeded: { status: 402, type: "billing_error" },
  insufficient_balance: { status: 402, type: "billing_error" },
  subscription_expired: { status: 402, type: "billing_error" },
  budget_exceeded: { status: 402, type: "billing_error" },
  access_denied: { status: 403, type: "permission_error" },
  model_access_denied: { status: 403, type: "permission_error" },
  ip_not_allowed: { status: 403, type: "permission_error" },
  account_suspended: { status: 403, type: "permission_error" },
  not_found: { status: 404, type: "invalid_request_error" },
  model_not_found: { status: 404, type: "invalid_request_error" },
  endpoint_not_found: { status: 404, type: "invalid_request_error" },
  method_not_allowed: { status: 405, type: "invalid_request_error" },
  conflict: { status: 409, type: "invalid_request_error" },
  request_too_large: { status: 413, type: "invalid_request_error" },
  rate_limit_exceeded: { status: 429, type: "rate_limit_error" },
  internal_error: { status: 500, type: "server_error" },
  upstream_error: { status: 502, type: "server_error" },
  service_unavailable: { status: 503, type: "server_error" },
  model_overloaded: { status: 503, type: "server_error" },
  upstream_timeout: { status: 504, type: "server_error" },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorBody {
  error: { message: string; type: string; code: ErrorCode | string; param: string | null };
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, opts: { param?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.param = opts.param ?? null;
    this.headers = opts.headers ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  toBody(): ErrorBody {
    return { error: { message: this.message, type: errorCodes[this.code].type, code: this.code, param: this.param } };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(errorCodes, value);
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
}

/**
 * Parses input for a route or the gateway, throwing the first problem as an ApiError. zod 4 puts
 * the offending value in an issue only when asked (reportInput), and only with it can a missing
 * parameter be told from one of the wrong type: every parse of request input goes through here.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw fromZodIssues(r.error.issues);
  return r.data;
}

/** Turns a zod failure into the first issue's ApiError, naming the parameter. */
export function fromZodIssues(issues: readonly ZodLikeIssue[]): ApiError {
  const issue = issues[0];
  if (!issue) return new ApiError("invalid_request", "Invalid request.");
  const param = issue.path.map(String).join(".") || undefined;
  // Issues from parseInput carry their input (undefined when absent); others cannot say, and are
  // reported as invalid rather than wrongly as missing.
  const missing = issue.code === "invalid_type" && "input" in issue && issue.input === undefined;
  if (missing) return new ApiError("missing_parameter", `Missing required parameter: ${param}.`, { param });
  // Our schemas carry full sentences ("Password must be...") or name the parameter themselves
  // ("messages must not be empty"); zod's defaults get the parameter named.
  const sentence = /^[A-Z].*\.$/.test(issue.message);
  const named = param !== undefined && issue.message.startsWith(`${param} `);
  const message = sentence || !param ? issue.message : named ? `${issue.message}.` : `Invalid ${param}: ${issue.message}`;
  return new ApiError("invalid_parameter", message, { param });
}

/**
 * Any thrown value to an ApiError. Unknown errors become a bare internal_error: their message may
 * hold secrets or internals, so it is logged by the caller and never echoed.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err && typeof err === "object" && "issues" in err && Array.isArray((err as { issues: unknown }).issues)) {
    return fromZodIssues((err as { issues: ZodLikeIssue[] }).issues);
  }
  return new ApiError("internal_error", "Internal server error. Try again; if it persists, contact the operator.");
}
