// Counters that tests read through GET /__sim/stats or stats(): what reached the "paid" upstream.

export interface LastRequest {
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, when the request had one. */
  body?: unknown;
}

export interface Stats {
  requests: number;
  completed: number;
  /** Requests whose client closed the connection before the response finished. */
  cancellations: number;
  /** A live gauge: reset() leaves it alone so it never goes negative. */
  inFlight: number;
  byPath: Record<string, number>;
  lastRequest: LastRequest | null;
}

const SECRET_HEADERS = new Set(["authorization", "x-api-key"]);

/** Keeps enough of a credential to tell keys apart ("Bearer sk-abc12…"), never the whole secret. */
function redact(value: string): string {
  const bearer = /^bearer\s+/i.exec(value);
  const prefix = bearer ? bearer[0] : "";
  return `${prefix}${value.slice(prefix.length, prefix.length + 8)}…`;
}

function redactHeaders(raw: NodeJS.Dict<string | string[]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    headers[name] = SECRET_HEADERS.has(name) ? redact(text) : text;
  }
  return headers;
}

type Counters = Omit<Stats, "lastRequest">;

export class StatsRecorder {
  private current: Counters = StatsRecorder.empty(0);
  private epoch = 0;
  // Kept raw and redacted only when read: recording sits on the hot path, reading does not.
  private last: { path: string; headers: NodeJS.Dict<string | string[]>; body: unknown } | null = null;

  private static empty(inFlight: number): Counters {
    return { requests: 0, completed: 0, cancellations: 0, inFlight, byPath: {} };
  }

  /** Returns the epoch to hand back to finished(). */
  started(path: string): number {
    this.current.requests++;
    this.current.inFlight++;
    this.current.byPath[path] = (this.current.byPath[path] ?? 0) + 1;
    return this.epoch;
  }

  finished(epoch: number, outcome: "completed" | "cancelled" | "cut"): void {
    this.current.inFlight--;
    // A request begun before the last reset must not leak into the counts a test now reads.
    if (epoch !== this.epoch) return;
    if (outcome === "completed") this.current.completed++;
    else if (outcome === "cancelled") this.current.cancellations++;
  }

  record(path: string, headers: NodeJS.Dict<string | string[]>, body: unknown): void {
    this.last = { path, headers, body };
  }

  snapshot(): Stats {
    const { last } = this;
    let lastRequest: LastRequest | null = null;
    if (last) {
      lastRequest = { path: last.path, headers: redactHeaders(last.headers) };
      if (last.body !== undefined) lastRequest.body = structuredClone(last.body);
    }
    return { ...this.current, byPath: { ...this.current.byPath }, lastRequest };
  }

  reset(): void {
    this.current = StatsRecorder.empty(this.current.inFlight);
    this.last = null;
    this.epoch++;
  }
}
