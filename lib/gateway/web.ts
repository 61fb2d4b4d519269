import "server-only";
import { ApiError } from "@/lib/errors";
import { getGateway } from "./core";
import type { GatewayResponse } from "./types";

/**
 * The playground's door onto the same gateway core: a web Request from a route handler, a key the
 * signed-in owner picked (no secret involved), and a streaming web Response back. Limits, errors
 * and metering are exactly those of /v1.
 */
export async function handleWebRequest(request: Request, opts: { path: string; keyId: string; clientIp: string }): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  delete headers.authorization;
  delete headers["x-api-key"];
  const out = await getGateway().handle({
    method: request.method,
    path: opts.path,
    headers,
    readBody: async (limit) => {
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > limit) throw new ApiError("request_too_large", `Request body is larger than ${limit} bytes.`);
      const buf = Buffer.from(await request.arrayBuffer());
      if (buf.length > limit) throw new ApiError("request_too_large", `Request body is larger than ${limit} bytes.`);
      return buf;
    },
    clientIp: opts.clientIp,
    signal: request.signal,
    keyId: opts.keyId,
    source: "PLAYGROUND",
  });
  return new Response(toBody(out.body), { status: out.status, headers: out.headers });
}

function toBody(body: GatewayResponse["body"]): BodyInit {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  const iterator = body[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (err) {
        controller.error(err);
      }
    },
    // The browser went away (or pressed Stop): closing the iterator aborts upstream and settles.
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
