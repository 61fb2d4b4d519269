// Errors in the Apertis/OpenAI envelope {"error":{"message","type","code","param"}}. Handlers throw
// SimError; the router turns it into a response, so validation reads as straight-line code.

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SimError";
  }

  body(): { error: { message: string; type: string; code: string; param: string | null } } {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param } };
  }
}

export function invalidParameter(param: string, message: string): SimError {
  return new SimError(400, "invalid_request_error", "invalid_parameter", message, param);
}

export function missingParameter(param: string): SimError {
  return new SimError(400, "invalid_request_error", "missing_parameter", `Missing required parameter: '${param}'.`, param);
}

export function invalidRequest(message: string): SimError {
  return new SimError(400, "invalid_request_error", "invalid_request", message);
}

export function modelNotFound(model: string): SimError {
  return new SimError(404, "invalid_request_error", "model_not_found", `The model '${model}' does not exist (local upstream, simulated).`, "model");
}

export function tooLarge(message: string): SimError {
  // The rest of the body is never read, so the connection cannot be reused.
  return new SimError(413, "invalid_request_error", "request_too_large", message, null, { connection: "close" });
}
