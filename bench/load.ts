// Load generator child: one autocannon run, configured by a JSON argument, result as JSON on stdout.
// A separate process so that it can be pinned to the load core while the harness waits.
// Usage: node --import tsx bench/load.ts '{"url":...,"connections":50,"duration":8,...}'
import autocannon from "autocannon";

export interface LoadConfig {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  /** Responses received per second, over the whole run. */
  rps: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyP50: number;
  latencyP99: number;
  duration: number;
}

const cfg = JSON.parse(process.argv[2]!) as LoadConfig;
const r = await autocannon({ url: cfg.url, connections: cfg.connections, duration: cfg.duration, method: "POST", headers: cfg.headers, body: cfg.body, timeout: 10 });
let ok = 0;
for (const [status, s] of Object.entries(r.statusCodeStats ?? {})) if (status.startsWith("2")) ok += Number(s.count);
const result: LoadResult = {
  rps: r.requests.total / r.duration,
  total: r.requests.total,
  ok,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  latencyP50: r.latency.p50,
  latencyP99: r.latency.p99,
  duration: r.duration,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
