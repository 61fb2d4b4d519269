// The lean door: node:http straight into the gateway core, no framework (server.ts routes /v1/**
// here). Bodies are read with a hard size limit; responses stream with backpressure; a client
// that goes away aborts the upstream call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/request-ip";
import { getGateway } from "./core";
import type { GatewayRequest, GatewayResponse } from "./types";

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume(); // drain so the socket can answer
      return reject(new ApiError("request_too_large", `Request body is larger than ${limit} bytes.`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new ApiError("request_too_large", `Request body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

async function writeResponse(res: ServerResponse, out: GatewayResponse, signal: AbortSignal): Promise<void> {
  const body = out.body;
  if (typeof body === "string" || body instanceof Uint8Array) {
    res.writeHead(out.status, { ...out.headers, "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
    return;
  }
  res.writeHead(out.status, out.headers);
  res.flushHeaders();
  const iterator = body[Symbol.asyncIterator]();
  try {
    while (!signal.aborted) {
      const { value, done } = await iterator.next();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.on("drain", go);
          res.on("close", go);
        });
      }
    }
  } finally {
    // Client gone mid-stream: closing the iterator runs its settlement.
    if (signal.aborted) await iterator.return?.(undefined);
    res.end();
  }
}

export function createGateway() {
  const gateway = getGateway();
  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      const abort = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) abort.abort();
      });
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const request: GatewayRequest = {
        method: req.method ?? "GET",
        path: q === -1 ? url : url.slice(0, q),
        headers: req.headers as Record<string, string | undefined>,
        readBody: (limit) => readBody(req, limit),
        clientIp: (req.headers[CLIENT_IP_HEADER] as string | undefined) ?? req.socket.remoteAddress ?? "",
        signal: abort.signal,
        source: "API",
      };
      gateway
        .handle(request)
        .then((out) => writeResponse(res, out, abort.signal))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
          res.end();
        });
    },
    drain: (ms: number) => gateway.drain(ms),
  };
}
