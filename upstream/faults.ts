// Fault injection for tests, chosen per request by the `x-sim-fault` header or a model id of the
// form `sim-fault-<fault>`. Faults that replace the answer are applied here, before any handler
// runs; "cut" and "malformed" alter the handler's own output (see Exchange).
import { SimError, invalidParameter } from "./errors";
import type { Exchange } from "./exchange";

export const FAULTS = ["500", "503", "429", "slow-first-byte", "hang", "cut", "malformed", "quota"] as const;
export type Fault = (typeof FAULTS)[number];

const MODEL_PREFIX = "sim-fault-";
const DEFAULT_SLOW_MS = 3000;
const RETRY_AFTER_S = 2;

function toFault(value: string, param: string): Fault {
  if ((FAULTS as readonly string[]).includes(value)) return value as Fault;
  throw invalidParameter(param, `Unknown simulated fault '${value}'; use one of ${FAULTS.join(", ")}.`);
}

/** The fault requested by header (wins) or by model id, if any. */
export function requestedFault(header: string | string[] | undefined, model: unknown): Fault | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value) return toFault(value.trim(), "x-sim-fault");
  if (typeof model === "string" && model.startsWith(MODEL_PREFIX)) return toFault(model.slice(MODEL_PREFIX.length), "model");
  return null;
}

function failure(ex: Exchange, fault: Fault): SimError | null {
  const note = `(local upstream, simulated fault '${fault}')`;
  switch (fault) {
    case "500":
      return new SimError(500, "server_error", "internal_error", `The upstream failed to process the request ${note}.`);
    case "503":
      return new SimError(503, "server_error", "service_unavailable", `The upstream is temporarily unavailable, try again later ${note}.`);
    case "429": {
      const reset = Math.ceil(Date.now() / 1000) + RETRY_AFTER_S;
      return new SimError(429, "rate_limit_error", "rate_limit_exceeded", `Rate limit reached, retry in ${RETRY_AFTER_S} s ${note}.`, null, {
        "retry-after": String(RETRY_AFTER_S),
        "x-ratelimit-limit": "3000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
      });
    }
    case "quota":
      // new-api's wording and vocabulary, which the console must map as well as its own.
      return new SimError(403, "new_api_error", "insufficient_user_quota", `user quota is not enough (request id: ${ex.requestId})`);
    default:
      return null;
  }
}

/**
 * Applies the fault that precedes or replaces the answer. Returns false when the exchange is over
 * (an error was sent, or the client left while we hung), true when the handler should run.
 */
export async function applyFault(ex: Exchange): Promise<boolean> {
  const fault = ex.fault;
  if (!fault) return true;
  const error = failure(ex, fault);
  if (error) {
    ex.fail(error);
    return false;
  }
  if (fault === "hang") {
    await ex.untilClosed();
    return false;
  }
  if (fault === "slow-first-byte") {
    const header = Number(ex.req.headers["x-sim-delay-ms"]);
    return ex.sleep(Number.isFinite(header) && header >= 0 ? header : DEFAULT_SLOW_MS);
  }
  return true;
}
