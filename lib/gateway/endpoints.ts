import type { EndpointKind } from "./types";

export interface Endpoint {
  kind: EndpointKind;
  method: "GET" | "POST";
  /** Path forwarded upstream, relative to APERTIS_BASE_URL. */
  upstreamPath?: string;
  body?: "json" | "multipart";
  maxBodyBytes?: number;
}

const MB = 1024 * 1024;

const table: Record<string, Endpoint> = {
  "/v1/models": { kind: "models", method: "GET" },
  "/v1/chat/completions": { kind: "chat", method: "POST", upstreamPath: "/chat/completions", body: "json" },
  "/v1/responses": { kind: "responses", method: "POST", upstreamPath: "/responses", body: "json" },
  "/v1/messages": { kind: "messages", method: "POST", upstreamPath: "/messages", body: "json" },
  "/v1/embeddings": { kind: "embeddings", method: "POST", upstreamPath: "/embeddings", body: "json" },
  "/v1/images/generations": { kind: "images", method: "POST", upstreamPath: "/images/generations", body: "json" },
  "/v1/audio/speech": { kind: "speech", method: "POST", upstreamPath: "/audio/speech", body: "json" },
  "/v1/audio/transcriptions": { kind: "transcriptions", method: "POST", upstreamPath: "/audio/transcriptions", body: "multipart", maxBodyBytes: 25 * MB + 64 * 1024 },
  "/v1/dashboard/billing/credits": { kind: "credits", method: "GET" },
};

export type Match = { endpoint: Endpoint; param?: string } | { methodNotAllowed: Endpoint } | null;

export function matchEndpoint(method: string, path: string): Match {
  const p = path.length > 4 && path.endsWith("/") ? path.slice(0, -1) : path;
  let endpoint = table[p];
  let param: string | undefined;
  if (!endpoint && p.startsWith("/v1/models/")) {
    endpoint = { kind: "model", method: "GET" };
    param = decodeURIComponent(p.slice("/v1/models/".length));
  }
  if (!endpoint) return null;
  if (endpoint.method !== method) return { methodNotAllowed: endpoint };
  return { endpoint, param };
}
