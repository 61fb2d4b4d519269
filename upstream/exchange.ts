// One request/response pair: response writing with the simulator's headers, cancellable waits and
// the output-side faults ("cut", "malformed"), so handlers only build bodies and stream plans.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { SimError } from "./errors";
import type { Fault } from "./faults";

export interface Pacing {
  chunks: number;
  intervalMs: number;
}

/** A stream as three parts, so one writer can pace it and apply faults whatever the event format. */
export interface StreamPlan {
  /** Frames sent as soon as the stream opens (role chunk, "created" events, ...). */
  head: string;
  /** Content frames, one step per `intervalMs`. */
  deltas: string[];
  /** Frames sent right after the last step (finish reason, usage, [DONE], ...). */
  tail: string;
}

interface Waiter {
  timer: NodeJS.Timeout;
  resolve: (completed: boolean) => void;
}

/** How many content steps a "cut" stream delivers before the socket is dropped. */
const CUT_AFTER_STEPS = 3;

export class Exchange {
  readonly requestId = `sim-${randomUUID()}`;
  fault: Fault | null = null;
  /** The client went away, the response finished, or the server is closing. */
  closed = false;
  /** The simulator dropped the connection itself (fault "cut"): not a client cancellation. */
  cutBySimulator = false;
  // Allocated lazily: most requests never wait and never register hooks.
  private waiters: Set<Waiter> | undefined;
  private closeHooks: (() => void)[] | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly pacing: Pacing,
  ) {}

  headers(contentType: string, extra?: Record<string, string>): OutgoingHttpHeaders {
    return { "content-type": contentType, "x-apertis-simulated": "1", "x-request-id": this.requestId, ...extra };
  }

  /** Resolves true after `ms`, or false as soon as the exchange closes (the caller should stop). */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        timer: setTimeout(() => {
          this.waiters?.delete(waiter);
          resolve(true);
        }, ms),
        resolve,
      };
      (this.waiters ??= new Set()).add(waiter);
    });
  }

  untilClosed(): Promise<void> {
    return new Promise((resolve) => this.onClose(resolve));
  }

  /** Runs `hook` when the exchange closes (e.g. to kill a child process); at once if already closed. */
  onClose(hook: () => void): void {
    if (this.closed) hook();
    else (this.closeHooks ??= []).push(hook);
  }

  /** Idempotent: clears every pending timer and runs the close hooks. */
  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.waiters) {
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.resolve(false);
      }
      this.waiters.clear();
    }
    if (this.closeHooks) for (const hook of this.closeHooks.splice(0)) hook();
  }

  /** Drops the connection mid-response, as a failing upstream would. */
  cut(): void {
    this.cutBySimulator = true;
    this.res.destroy();
  }

  /** Sends a whole body. Success bodies honour the "cut" and "malformed" faults. */
  send(status: number, contentType: string, body: string | Buffer, extra?: Record<string, string>): void {
    if (this.closed) return;
    const faulty = status < 400 ? this.fault : null;
    const headers = this.headers(contentType, extra);
    if (faulty === "cut" || faulty === "malformed") {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const half = bytes.subarray(0, bytes.length >> 1);
      headers["content-length"] = faulty === "cut" ? bytes.length : half.length;
      this.res.writeHead(status, headers);
      if (faulty === "cut") this.res.write(half, () => this.cut());
      else this.res.end(half);
      return;
    }
    // Strings stay strings: Node then sends the headers and a small body in a single write.
    headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.length;
    this.res.writeHead(status, headers);
    this.res.end(body);
  }

  json(status: number, value: unknown, extra?: Record<string, string>): void {
    this.send(status, "application/json", JSON.stringify(value), extra);
  }

  fail(error: SimError): void {
    this.send(error.status, "application/json", JSON.stringify(error.body()), error.headers);
  }

  /** Writes a paced SSE stream; "malformed" breaks one frame, "cut" drops the socket mid-way. */
  async stream(plan: StreamPlan): Promise<void> {
    if (this.closed) return;
    const { res } = this;
    res.writeHead(200, this.headers("text/event-stream; charset=utf-8", { "cache-control": "no-cache" }));
    let { deltas, tail } = plan;
    if (this.fault === "malformed") {
      if (deltas.length > 0) {
        const at = Math.min(1, deltas.length - 1);
        deltas = deltas.map((d, i) => (i === at ? breakFrame(d) : d));
      } else tail = breakFrame(tail);
    }
    const cutAt = this.fault === "cut" ? Math.min(CUT_AFTER_STEPS, deltas.length >> 1) : -1;
    const interval = this.pacing.intervalMs;

    if (interval <= 0 && cutAt < 0) {
      res.end(plan.head + deltas.join("") + tail);
      return;
    }
    // The write callback fires once the bytes reach the socket, so a cut lands after them.
    res.write(plan.head, cutAt === 0 ? () => this.cut() : undefined);
    const steps = cutAt >= 0 ? cutAt : deltas.length;
    for (let i = 0; i < steps; i++) {
      if (interval > 0 && !(await this.sleep(interval))) return;
      res.write(deltas[i] ?? "", i === cutAt - 1 ? () => this.cut() : undefined);
    }
    if (cutAt < 0) res.end(tail);
  }
}

/** Truncates the JSON of the first frame in `frames` halfway, keeping the SSE framing intact. */
function breakFrame(frames: string): string {
  const end = frames.indexOf("\n\n");
  const first = end < 0 ? frames : frames.slice(0, end);
  const data = first.indexOf("data: ") + 6;
  return `${first.slice(0, data + Math.max(1, (first.length - data) >> 1))}\n\n`;
}
