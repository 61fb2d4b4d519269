import type { IncomingMessage, ServerResponse } from "node:http";

// Placeholder until the gateway core lands: every /v1 path is an unknown endpoint.
export function createGateway() {
  return {
    handle(_req: IncomingMessage, res: ServerResponse) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Unknown endpoint.", type: "invalid_request_error", code: "endpoint_not_found", param: null } }));
    },
    async drain(_ms: number) {},
  };
}
