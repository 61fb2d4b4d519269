// What a person should do next after an Apertis error, keyed by the envelope's `code`. Shown by
// components/ui/error-callout.tsx under the server's own message.

export interface ErrorLike {
  status?: number;
  code?: string;
  param?: string | null;
  retryAfter?: number | null;
}

const hints: Record<string, string> = {
  unauthenticated: "Your session has ended. Sign in again, then retry.",
  missing_api_key: "Send the key in the Authorization header as `Bearer sk-...`.",
  invalid_api_key: "Check that the key was copied whole, or create a new one on the API keys page.",
  expired_api_key: "This key has expired. Create a new key on the API keys page.",
  invalid_credentials: "Check the email and password, then try again.",
  quota_exceeded: "Raise the key's quota on the API keys page, or wait for your plan's next cycle.",
  insufficient_balance: "Add credit on the Billing page, then retry.",
  subscription_expired: "Renew your plan on the Billing page, or turn on pay-as-you-go fallback.",
  budget_exceeded: "Raise the key's monthly budget on the API keys page, or wait until it resets.",
  access_denied: "Your account cannot do this. Ask the operator of this console if you need access.",
  model_access_denied: "Pick a model this key allows, or edit the key's allowed models on the API keys page.",
  ip_not_allowed: "Call from an allowed address, or edit the key's IP allowlist on the API keys page.",
  account_suspended: "Contact the operator of this console to restore the account.",
  not_found: "It may have been deleted. Go back and reload the list.",
  model_not_found: "Choose a model from the list; the name may be misspelt or the model retired.",
  endpoint_not_found: "Check the path: the API lives under /v1.",
  context_length_exceeded: "Shorten the conversation or choose a model with a longer context window.",
  invalid_file_format: "Use a supported file format and try again.",
  request_too_large: "Send a smaller request or file.",
  conflict: "It already exists. Use the existing one or choose another name.",
  upstream_error: "The model provider failed. Retry in a moment or choose another model.",
  model_overloaded: "The model is overloaded. Retry in a moment or choose another model.",
  service_unavailable: "The service is temporarily unavailable. Retry in a moment.",
  upstream_timeout: "The model provider took too long. Retry, or choose a faster model.",
  internal_error: "Try again. If it keeps happening, tell the operator of this console.",
  network_error: "Check your connection, then try again.",
};

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** One sentence saying what to do next, or null when the message already says it. */
export function nextStepFor(error: ErrorLike): string | null {
  const code = error.code ?? "";
  if (code === "rate_limit_exceeded" || error.status === 429) {
    return error.retryAfter ? `Wait ${formatWait(error.retryAfter)}, then try again.` : "Wait a moment, then try again.";
  }
  if (code === "invalid_parameter" || code === "missing_parameter" || code === "invalid_request") {
    return error.param ? `Fix the ${error.param} field and send again.` : "Fix the request and send again.";
  }
  return hints[code] ?? (error.status && error.status >= 500 ? hints.internal_error! : null);
}
