// The gateway core's own vocabulary: framework-free, so both the node:http lean path (server.ts)
// and the playground route handlers (web Request/Response) can drive it.

export type EndpointKind =
  | "models"
  | "model"
  | "chat"
  | "responses"
  | "messages"
  | "embeddings"
  | "images"
  | "speech"
  | "transcriptions"
  | "credits";

export interface GatewayRequest {
  method: string;
  /** Path with the /v1 prefix and without the query string. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Reads the whole body, failing with request_too_large past `limit` bytes. */
  readBody: (limit: number) => Promise<Buffer>;
  clientIp: string;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  /** Set by the playground: the key was chosen by a signed-in owner, no secret involved. */
  keyId?: string;
  source?: "API" | "PLAYGROUND";
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string | AsyncIterable<Uint8Array | string>;
}

export interface KeyRecord {
  id: string;
  userId: string;
  kind: "STANDARD" | "SUBSCRIPTION";
  status: string;
  purpose: string;
  expiresAt: number | null;
  revokedAt: number | null;
  quotaLimit: bigint | null;
  monthlyBudget: bigint | null;
  budgetResetDay: number;
  allowedModels: Set<string>;
  allowedIps: string[];
  rpmLimit: number | null;
  tpmLimit: number | null;
  subscriptionId: string | null;
}

export interface PriceRecord {
  model: string;
  ownedBy: string;
  modality: "chat" | "image" | "tts" | "stt" | "embedding";
  contextLength: number | null;
  inputPrice: bigint;
  outputPrice: bigint;
  imagePrices: Record<string, number>;
  charPrice: bigint;
  minutePrice: bigint;
  tier: string;
  multiplier: number;
  created: number;
}

export interface PlanRecord {
  id: string;
  slug: string;
  name: string;
  rank: number;
  rpm: number;
  tpm: number;
}

/** What a finished (or failed) request consumed; the usage writer turns it into rows. */
export interface UsageRecord {
  requestId: string;
  createdAt: Date;
  userId: string;
  keyId: string;
  subscriptionId: string | null;
  model: string;
  endpoint: string;
  source: "API" | "PLAYGROUND";
  status: number;
  errorCode: string | null;
  promptTokens: number;
  completionTokens: number;
  /** micro-USD charged to the PAYG balance (and the key's quota / budget). */
  cost: bigint;
  /** milli plan-requests charged to the subscription cycle. */
  quotaCost: bigint;
  latencyMs: number;
  ttfbMs: number | null;
  stream: boolean;
  upstreamRequestId: string | null;
  clientIp: string | null;
}
