// Small undici clients for what autocannon cannot see: the latency of one request on an idle
// keep-alive connection, the time to the first complete SSE frame, and the spacing of frames in
// many concurrent streams (buffering shows as late first frames and frames arriving together).
import { Client, Pool, type Dispatcher } from "undici";

export interface Target {
  name: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
}

export interface StreamTiming {
  ok: boolean;
  /** ms from sending the request to the first complete `data:` frame. */
  ttff: number;
  frames: number;
  /** Largest pause between two consecutive frames, ms. */
  worstGap: number;
  gaps: number[];
  /** ms from the first frame to the last. */
  span: number;
  /** Reads that delivered frames: a buffering gateway delivers many frames in few reads. */
  arrivals: number;
}

/** One keep-alive connection per target, so latency rounds never pay for a connect. */
export function connection(t: Target): Client {
  return new Client(t.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
}

/** Time for one whole non-streamed answer, ms; NaN when it fails. */
export async function timeRequest(d: Dispatcher, t: Target, body: string): Promise<number> {
  const start = performance.now();
  try {
    const res = await d.request({ path: t.path, method: "POST", headers: t.headers, body });
    await res.body.arrayBuffer();
    return res.statusCode === 200 ? performance.now() - start : NaN;
  } catch {
    return NaN;
  }
}

/** Reads one streamed answer to its end, timing every complete SSE frame as it arrives. */
export async function timeStream(d: Dispatcher, t: Target, body: string): Promise<StreamTiming> {
  const start = performance.now();
  const arrivals: number[] = [];
  let sawDone = false;
  let status = 0;
  try {
    const res = await d.request({ path: t.path, method: "POST", headers: t.headers, body });
    status = res.statusCode;
    let buffer = "";
    for await (const chunk of res.body) {
      const now = performance.now();
      buffer += (chunk as Buffer).toString("utf8");
      let end: number;
      // Each complete frame ("...\n\n") that this chunk finished arrived now.
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.includes("data:")) continue;
        arrivals.push(now);
        if (frame.includes("data: [DONE]")) sawDone = true;
      }
    }
  } catch {
    // counted as not ok below
  }
  const gaps = arrivals.slice(1).map((a, i) => a - arrivals[i]!);
  return {
    ok: status === 200 && sawDone,
    ttff: arrivals.length ? arrivals[0]! - start : NaN,
    frames: arrivals.length,
    worstGap: gaps.length ? Math.max(...gaps) : NaN,
    gaps,
    span: arrivals.length ? arrivals.at(-1)! - arrivals[0]! : 0,
    arrivals: new Set(arrivals).size,
  };
}

/** `n` streams started together on `n` connections, all read to the end. */
export async function concurrentStreams(t: Target, body: string, n: number): Promise<StreamTiming[]> {
  const pool = new Pool(t.origin, { connections: n, pipelining: 1 });
  try {
    return await Promise.all(Array.from({ length: n }, () => timeStream(pool, t, body)));
  } finally {
    await pool.close();
  }
}
