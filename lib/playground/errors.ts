// Failed playground calls as the console's typed error, plus the page that fixes each of them:
// quota and balance -> billing, key settings -> API keys.
import { ApiClientError, errorFromResponse, type ApiErrorPayload } from "@/lib/client/fetcher";
import { formatWait, type ErrorLike } from "@/lib/client/error-hints";

/** Reads a non-2xx response (the Apertis envelope, or anything else) into an ApiClientError. */
export async function errorFromFetch(res: Response): Promise<ApiClientError> {
  const text = await res.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: errorFromResponse words a fallback from the status
  }
  return errorFromResponse(res.status, res.headers, body);
}

/** An error event inside a stream that began with 200: the status is lost, the code is not. */
export function errorFromStream(payload: ApiErrorPayload): ApiClientError {
  return new ApiClientError({ status: 502, message: payload.message, code: payload.code ?? "upstream_error", type: payload.type, param: payload.param ?? null });
}

export function networkError(): ApiClientError {
  return new ApiClientError({ status: 0, message: "Could not reach the console. Check your connection and try again." });
}

export interface ErrorLink {
  href: string;
  label: string;
}

const BILLING_CODES = new Set(["insufficient_balance", "subscription_expired", "quota_exceeded", "budget_exceeded"]);
const KEY_CODES = new Set(["quota_exceeded", "budget_exceeded", "model_access_denied", "ip_not_allowed", "invalid_api_key", "expired_api_key"]);

/** Where to go to fix the error, most likely first. */
export function errorLinks(err: ErrorLike): ErrorLink[] {
  const code = err.code ?? "";
  const links: ErrorLink[] = [];
  if (BILLING_CODES.has(code) || err.status === 402) links.push({ href: "/billing", label: "Open Billing" });
  if (KEY_CODES.has(code)) links.push({ href: "/keys", label: code === "model_access_denied" ? "Edit the key's allowed models" : "Open API keys" });
  return links;
}

/** The sentence under an error that names the exact setting, where the generic hint cannot. */
export function errorDetail(err: ErrorLike, context: { model?: string; keyName?: string }): string | null {
  const key = context.keyName ? `“${context.keyName}”` : "this key";
  switch (err.code) {
    case "model_access_denied":
      return `${key} has an allowed-models list without ${context.model ?? "this model"}: add the model under Allowed models on the API keys page, or choose the Playground key or another model.`;
    case "quota_exceeded":
      return `The quota of ${key} or of your plan is used up. Raise the key's quota on the API keys page, or add credit or change plan on the Billing page.`;
    case "budget_exceeded":
      return `The monthly budget of ${key} is spent. Raise it on the API keys page or wait for the reset day.`;
    case "insufficient_balance":
      return "Your pay-as-you-go balance is too low for this request. Add credit on the Billing page.";
    case "rate_limit_exceeded":
      return err.retryAfter ? `The rate limit resets in ${formatWait(err.retryAfter)}.` : null;
    default:
      return null;
  }
}
