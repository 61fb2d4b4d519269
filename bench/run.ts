// `npm run bench` (about 6 minutes) and `npm run bench -- --smoke` (under a minute, for CI).
// One run, on loopback: the local upstream measured directly (the harness ceiling), a forty-line
// node:http + undici proxy (the floor), the console's /v1 gateway on the production build, and the
// Portkey gateway 1.15.2 from npm. Same request to each, interleaved round by round so that
// background noise on the machine lands on every target alike. Writes bench/results/latest.json
// and latest.md; the smoke form exits non-zero when a relative check fails.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "undici";
import type { QueryCounts } from "./query-counter";
import { median, percentile, renderMarkdown, type Check, type Distribution, type LoadSummary, type Results, type StreamSummary, type TargetResult } from "./report";
import { concurrentStreams, connection, timeRequest, timeStream, type StreamTiming, type Target } from "./stream-client";
import {
  cpuMs,
  ensureBuild,
  dbFileCount,
  fdCount,
  pinSelf,
  pinned,
  root,
  rssMb,
  runLoad,
  sampleRss,
  startConsole,
  startFloor,
  startPortkey,
  startUpstream,
  stop,
  type ConsoleProc,
  type Proc,
} from "./targets";

const smoke = process.argv.includes("--smoke");
// Sized so the full run stays near 6 minutes on 2 cores and the smoke under a minute.
const cfg = smoke
  ? { warmS: 1, loadS: 3, rounds: 1, latencyRounds: 300, ttffRounds: 60, streams: 50, withPortkey: false, run200: false }
  : { warmS: 3, loadS: 8, rounds: 3, latencyRounds: 1500, ttffRounds: 250, streams: 200, withPortkey: true, run200: true };
// Phase 1 (latency, first frame, 50 connections): no upstream delay, short streams so a stream
// round is quick. Phase 2 (200 connections, concurrent streams): 20 ms generation time and a
// paced stream of 12 chunks 20 ms apart, so buffering would show.
const PHASE1 = { delayMs: 0, chunks: 4, chunkIntervalMs: 5, firstByteMs: 0 };
const PHASE2 = { delayMs: 20, chunks: 12, chunkIntervalMs: 20, firstByteMs: 0 };

const started = new Date();
const log = (msg: string) => console.log(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

const messages = [{ role: "user", content: "Say hello in one short sentence." }];
const WHOLE = JSON.stringify({ model: "gpt-4o-mini", messages, max_tokens: 16 });
// include_usage for every target: the console asks the upstream for it anyway (to meter), so the
// upstream does the same work whoever calls it.
const STREAM = JSON.stringify({ model: "gpt-4o-mini", messages, max_tokens: 64, stream: true, stream_options: { include_usage: true } });
const CHAT = "/v1/chat/completions";
const json = { "content-type": "application/json" };

pinSelf();
ensureBuild();
const loadavgStart = os.loadavg();

log("starting the upstream, floor proxy" + (cfg.withPortkey ? ", Portkey" : "") + " and console");
const upstream = await startUpstream(PHASE1);
const upOrigin = `http://127.0.0.1:${upstream.port}`;
const [floor, portkey] = await Promise.all([startFloor(upOrigin), cfg.withPortkey ? startPortkey() : Promise.resolve(null)]);
const consoleProc: ConsoleProc = await startConsole(upstream, smoke ? "smoke" : "full");
log(`ready: upstream :${upstream.port}, floor :${floor.port}, console :${consoleProc.port}${portkey ? `, portkey :${portkey.port}` : ""}`);

const at = (p: Proc) => `http://127.0.0.1:${p.port}`;
const targets: Target[] = [
  { name: "direct", origin: upOrigin, path: CHAT, headers: { ...json, authorization: "Bearer bench" } },
  { name: "floor", origin: at(floor), path: CHAT, headers: { ...json, authorization: "Bearer bench" } },
  { name: "console", origin: at(consoleProc), path: CHAT, headers: { ...json, authorization: `Bearer ${consoleProc.accounts.load.secret}` } },
];
if (portkey) {
  targets.push({
    name: "portkey",
    origin: at(portkey),
    path: CHAT,
    headers: { ...json, authorization: "Bearer bench", "x-portkey-provider": "openai", "x-portkey-custom-host": `${upOrigin}/v1` },
  });
}
// The console's streams use their own key, so their usage rows can be checked one for one.
const streamTarget = (t: Target): Target =>
  t.name === "console" ? { ...t, headers: { ...t.headers, authorization: `Bearer ${consoleProc.accounts.stream.secret}` } } : t;
const pidOf: Record<string, number> = { direct: upstream.pid, floor: floor.pid, console: consoleProc.pid, ...(portkey ? { portkey: portkey.pid } : {}) };
const labels: Record<string, string> = { direct: "Upstream direct (ceiling)", floor: "Floor proxy", console: "Console /v1", portkey: "Portkey 1.15.2" };
const results: Record<string, TargetResult> = Object.fromEntries(targets.map((t) => [t.name, { label: labels[t.name]! }]));
const peakRss: Record<string, number> = {};
const notePeak = (name: string, mb: number) => (peakRss[name] = Math.max(peakRss[name] ?? 0, mb));
/** Rotates the order each round so no target always goes first (or right after another). */
const rotated = <T>(list: T[], i: number) => list.map((_, k) => list[(k + i) % list.length]!);

// Client-side count of what the console was sent, for the metering check.
const sent = { load: 0, loadCompleted: 0, loadConnectionsAtEnd: 0, stream: 0, streamOk: 0 };

// ---- sanity: every target answers the whole and the streamed request correctly
for (const t of targets) {
  const c = connection(t);
  const whole = await timeRequest(c, t, WHOLE);
  const st = await timeStream(c, streamTarget(t), STREAM);
  await c.close();
  if (t.name === "console") {
    sent.load++;
    sent.loadCompleted += Number.isFinite(whole) ? 1 : 0;
    sent.stream++;
    sent.streamOk += st.ok ? 1 : 0;
  }
  if (!Number.isFinite(whole) || !st.ok) throw new Error(`${t.name} did not answer the benchmark requests correctly (whole ${whole}, stream ok ${st.ok})`);
}
const coldQueries = await consoleProc.queries();
const consoleIdle = { rssMb: rssMb(consoleProc.pid), memory: coldQueries.memory, openFiles: fdCount(consoleProc.pid), dbFiles: dbFileCount(consoleProc.pid, consoleProc.dataDir) };
log("all targets answer; warming up");

async function load(t: Target, connections: number, duration: number) {
  const pid = pidOf[t.name]!;
  const stopSampling = sampleRss(pid);
  const cpuBefore = cpuMs(pid);
  const r = await runLoad({ url: `${t.origin}${t.path}`, connections, duration, headers: t.headers, body: WHOLE });
  const cpuUsPerRequest = ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, r.total);
  notePeak(t.name, stopSampling());
  if (t.name === "console") {
    sent.load += r.total + r.errors;
    sent.loadCompleted += r.total;
    sent.loadConnectionsAtEnd += connections;
  }
  return { ...r, cpuUsPerRequest };
}

for (const t of targets) await load(t, 50, cfg.warmS);

// ---- latency at one connection, interleaved
log(`latency at 1 connection: ${cfg.latencyRounds} interleaved rounds`);
const conns = new Map<string, Client>(targets.map((t) => [t.name, connection(t)]));
const lat: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
for (let i = 0; i < cfg.latencyRounds; i++) {
  for (const t of rotated(targets, i)) {
    const v = await timeRequest(conns.get(t.name)!, t, WHOLE);
    lat[t.name]!.push(v);
    if (t.name === "console") {
      sent.load++;
      if (Number.isFinite(v)) sent.loadCompleted++;
    }
  }
}

// ---- time to first SSE frame at one connection, interleaved
log(`time to first frame: ${cfg.ttffRounds} interleaved rounds`);
const ttff: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
for (let i = 0; i < cfg.ttffRounds; i++) {
  for (const t of rotated(targets, i)) {
    const s = await timeStream(conns.get(t.name)!, streamTarget(t), STREAM);
    ttff[t.name]!.push(s.ok ? s.ttff : NaN);
    if (t.name === "console") {
      sent.stream++;
      if (s.ok) sent.streamOk++;
    }
  }
}
for (const c of conns.values()) await c.close();

function distribution(samples: Record<string, number[]>, name: string): Distribution {
  const v = samples[name]!;
  const d = samples.direct!;
  const p50 = percentile(v, 50);
  const p99 = percentile(v, 99);
  return { p50, p99, addedP50: p50 - percentile(d, 50), addedP99: p99 - percentile(d, 99), samples: v.length, failures: v.filter((x) => !Number.isFinite(x)).length };
}
for (const t of targets) {
  results[t.name]!.latency = distribution(lat, t.name);
  results[t.name]!.ttff = distribution(ttff, t.name);
}

// ---- throughput at 50 connections, upstream 0 ms; the console's SQL is counted around its runs
async function throughput(connections: number, field: "rps50" | "rps200") {
  const runs: Record<string, Awaited<ReturnType<typeof load>>[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < cfg.rounds; i++) {
    for (const t of rotated(targets, i)) {
      // Health readings outside the driver-level window, so their own SELECT 1 stays out of it.
      const healthBefore = t.name === "console" ? await healthCalls() : NaN;
      const before = t.name === "console" ? await consoleProc.queries() : null;
      const r = await load(t, connections, cfg.loadS);
      if (before) {
        const after = await consoleProc.queries();
        // The second reading's own SELECT 1 is in its count: take it off.
        const healthDelta = (await healthCalls()) - healthBefore - 1;
        warmWindows.push({ before, after, requests: r.total + r.errors, healthDelta });
      }
      runs[t.name]!.push(r);
      log(`  ${connections} conn, ${t.name}: ${Math.round(r.rps)} req/s, ${Math.round(r.cpuUsPerRequest)} µs CPU/request (errors ${r.errors}, non-2xx ${r.non2xx})`);
    }
  }
  for (const t of targets) {
    const rs = runs[t.name]!;
    const summary: LoadSummary = {
      rps: median(rs.map((r) => r.rps)),
      rounds: rs.map((r) => r.rps),
      cpuUsPerRequest: median(rs.map((r) => r.cpuUsPerRequest)),
      errors: rs.reduce((a, r) => a + r.errors, 0),
      non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
      latencyP50: median(rs.map((r) => r.latencyP50)),
      latencyP99: median(rs.map((r) => r.latencyP99)),
    };
    results[t.name]![field] = summary;
  }
}
const warmWindows: { before: QueryCounts; after: QueryCounts; requests: number; healthDelta: number }[] = [];
/**
 * The console's own count of database calls outside transactions (GET /api/health, databaseCalls):
 * a second witness beside the driver-level preload. NaN when this build does not report it.
 */
async function healthCalls(): Promise<number> {
  try {
    const res = await fetch(`${at(consoleProc)}/api/health`);
    const body = (await res.json()) as { databaseCalls?: unknown };
    return typeof body.databaseCalls === "number" ? body.databaseCalls : NaN;
  } catch {
    return NaN;
  }
}
const fdStart = fdCount(consoleProc.pid);
log(`throughput, 50 connections, upstream 0 ms: ${cfg.rounds} round(s) x ${cfg.loadS} s per target`);
await throughput(50, "rps50");

// ---- phase 2: 20 ms upstream, paced streams
await upstream.configure(PHASE2);
await new Promise((r) => setTimeout(r, 500)); // let the gateways' pools see the old sockets close
if (cfg.run200) {
  for (const t of targets) await load(t, 200, 2);
  log(`throughput, 200 connections, upstream 20 ms: ${cfg.rounds} round(s) x ${cfg.loadS} s per target`);
  await throughput(200, "rps200");
}

log(`${cfg.streams} concurrent streams per target (${PHASE2.chunks} chunks, ${PHASE2.chunkIntervalMs} ms apart)`);
const pacedMs = PHASE2.chunks * PHASE2.chunkIntervalMs;
let directWorstGap = 0;
for (const t of targets) {
  const stopSampling = sampleRss(pidOf[t.name]!);
  const all: StreamTiming[] = await concurrentStreams(streamTarget(t), STREAM, cfg.streams);
  notePeak(t.name, stopSampling());
  if (t.name === "console") {
    sent.stream += all.length;
    sent.streamOk += all.filter((s) => s.ok).length;
  }
  const gaps = all.flatMap((s) => s.gaps);
  const summary: StreamSummary = {
    streams: all.length,
    errors: all.filter((s) => !s.ok).length,
    ttffP50: percentile(all.map((s) => s.ttff), 50),
    ttffP99: percentile(all.map((s) => s.ttff), 99),
    worstGap: Math.max(...all.map((s) => s.worstGap)),
    gapP99: percentile(gaps, 99),
    spanMedian: median(all.map((s) => s.span)),
    pacedMs,
    separateArrivals: median(all.map((s) => s.arrivals / Math.max(1, s.frames))),
    noBuffering: false,
    gapNearInterval: false,
  };
  // Buffering collapses a stream: its frames arrive late and together. Not buffered: frames spread
  // over most of the paced duration, most of them in reads of their own. A busy machine stretches
  // gaps but cannot collapse a stream, so this holds in CI too.
  summary.noBuffering = summary.errors === 0 && summary.spanMedian >= 0.7 * pacedMs && summary.separateArrivals >= 0.5;
  // "Near the interval": within 3x it, or within the direct run's own worst gap plus 2x it when
  // the harness itself (measured direct, first) is slower than that on a busy machine.
  if (t.name === "direct") directWorstGap = summary.worstGap;
  summary.gapNearInterval = summary.worstGap <= Math.max(3 * PHASE2.chunkIntervalMs, directWorstGap + 2 * PHASE2.chunkIntervalMs);
  results[t.name]!.streams = summary;
  log(`  ${t.name}: errors ${summary.errors}, first frame p50 ${summary.ttffP50.toFixed(1)} ms, worst gap ${summary.worstGap.toFixed(1)} ms`);
}
for (const t of targets) results[t.name]!.rssMb = peakRss[t.name];
const fdEnd = fdCount(consoleProc.pid);
const dbFilesEnd = dbFileCount(consoleProc.pid, consoleProc.dataDir);

// ---- metering: wait for the batched writer, then compare usage rows with what was sent
log("checking usage rows (metering)");
const { load: loadKey, stream: streamKey } = consoleProc.accounts;
let usage = consoleProc.usage([loadKey.id, streamKey.id]);
for (let i = 0; i < 20 && (usage[streamKey.id]!.total < sent.stream || usage[loadKey.id]!.total < sent.loadCompleted); i++) {
  await new Promise((r) => setTimeout(r, 500));
  usage = consoleProc.usage([loadKey.id, streamKey.id]);
}
const finalQueries = await consoleProc.queries();
const { memory: memoryAtEnd, ...finalCounts } = finalQueries;
const consoleRssIdleEnd = rssMb(consoleProc.pid);

await Promise.all([stop(consoleProc.child), stop(floor.child), portkey ? stop(portkey.child) : Promise.resolve(), stop(upstream.child)]);

// ---- queries per warm request
const sum = (f: (w: (typeof warmWindows)[number]) => number) => warmWindows.reduce((a, w) => a + f(w), 0);
const warmRequests = sum((w) => w.requests);
const warmDirect = sum((w) => w.after.direct - w.before.direct);
const warmBySql: Record<string, number> = {};
for (const w of warmWindows) {
  for (const [k, v] of Object.entries(w.after.directBySql)) {
    const d = v - (w.before.directBySql[k] ?? 0);
    if (d) warmBySql[k] = (warmBySql[k] ?? 0) + d;
  }
}
const queries = {
  hookVerified: coldQueries.direct > 0,
  untilFirstRequestsServed: coldQueries.direct,
  warmRequests,
  warmDirectQueries: warmDirect,
  warmDirectBySql: warmBySql,
  perWarmRequest: warmRequests ? warmDirect / warmRequests : NaN,
  /** Same window, as counted by the console itself (NaN if its health route does not report it). */
  healthDatabaseCalls: sum((w) => w.healthDelta),
  usageWriterTransactions: sum((w) => w.after.transactions - w.before.transactions),
  usageWriterStatements: sum((w) => w.after.inTransaction - w.before.inTransaction),
  connectionPragmas: sum((w) => w.after.pragma - w.before.pragma),
  wholeRun: finalCounts,
};

// ---- checks and ratios
const c = results.console!;
const f = results.floor!;
const p = results.portkey;
const loadRows = usage[loadKey.id]!;
const streamRows = usage[streamKey.id]!;
const checks: Check[] = [];
const check = (target: string, required: string, measured: string, met: boolean) => checks.push({ target, required, measured, met });
const x2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "-");
// Throughput targets are judged on requests/s, as the issue states; the same ratio computed from
// CPU per request is shown beside it, since it holds when other work shares the machine.
const perCpu = (a: LoadSummary, b: LoadSummary) => b.cpuUsPerRequest / a.cpuUsPerRequest;
const vsPortkey = (cs?: LoadSummary, ps?: LoadSummary, conns?: number) => {
  if (cs && ps) check(`Throughput vs Portkey, ${conns} conn`, ">= 2x", `${x2(cs.rps / ps.rps)}x (per CPU-second ${x2(perCpu(cs, ps))}x)`, cs.rps >= 2 * ps.rps);
};
const vsFloor = (cs?: LoadSummary, fs?: LoadSummary, conns?: number) => {
  if (cs && fs) check(`Throughput vs floor, ${conns} conn`, ">= 40%", `${Math.round((100 * cs.rps) / fs.rps)}% (per CPU-second ${Math.round(100 * perCpu(cs, fs))}%)`, cs.rps >= 0.4 * fs.rps);
};
vsPortkey(c.rps50, p?.rps50, 50);
vsPortkey(c.rps200, p?.rps200, 200);
if (!smoke) vsFloor(c.rps50, f.rps50, 50);
vsFloor(c.rps200, f.rps200, 200);
if (smoke) {
  // Relative and generous: a shared CI runner's noise must not fail it, a regression must.
  const allowed = Math.max(3 * f.latency!.addedP50, f.latency!.addedP50 + 0.5);
  check("Added latency p50 vs floor's", "<= 3x floor's (+0.5 ms noise allowance)", `${x2(c.latency!.addedP50)} ms vs floor ${x2(f.latency!.addedP50)} ms`, c.latency!.addedP50 <= allowed);
  const errs = (c.rps50?.errors ?? 0) + (c.rps50?.non2xx ?? 0) + c.latency!.failures + c.ttff!.failures + c.streams!.errors;
  check("Errors", "none", String(errs), errs === 0);
} else {
  check("Added latency p50", "<= 1 ms", `${x2(c.latency!.addedP50)} ms`, c.latency!.addedP50 <= 1);
  check("Added latency p99", "<= 5 ms", `${x2(c.latency!.addedP99)} ms`, c.latency!.addedP99 <= 5);
  check("Added time to first frame p50", "<= 2 ms", `${x2(c.ttff!.addedP50)} ms`, c.ttff!.addedP50 <= 2);
}
const cs = c.streams!;
check(
  `${cfg.streams} concurrent streams`,
  smoke
    ? "no error, no buffering (span >= 70% of paced, >= 50% of frames in reads of their own)"
    : "no error, no buffering, worst gap <= max(3x interval, direct's worst + 2x interval)",
  `${cs.errors} errors, span ${Math.round(cs.spanMedian)}/${pacedMs} ms, ${Math.round(100 * cs.separateArrivals)}% separate, worst gap ${cs.worstGap.toFixed(1)} ms at ${PHASE2.chunkIntervalMs} ms pacing (direct ${directWorstGap.toFixed(1)})`,
  cs.errors === 0 && cs.noBuffering && (smoke || cs.gapNearInterval),
);
if (!smoke) check("Memory under load", "<= 250 MB", `${Math.round(c.rssMb ?? NaN)} MB`, (c.rssMb ?? Infinity) <= 250);
if (!smoke) {
  check(
    "DB queries on a warm request",
    "none",
    `${warmDirect} in ${warmRequests.toLocaleString("en-US")} requests${warmDirect ? ` (${Object.entries(warmBySql).map(([k, v]) => `${k} x${v}`).join(", ")})` : ""}` +
      (Number.isFinite(queries.healthDatabaseCalls) ? `; console's own count: ${queries.healthDatabaseCalls}` : ""),
    queries.hookVerified && warmRequests > 0 && queries.perWarmRequest < 0.001,
  );
}
check(
  "Every request metered (load key)",
  "answered <= rows <= sent + in flight at run ends",
  `${loadRows.total.toLocaleString("en-US")} rows, ${sent.loadCompleted.toLocaleString("en-US")} answered, ${sent.load.toLocaleString("en-US")} sent + <= ${sent.loadConnectionsAtEnd} in flight`,
  loadRows.total >= sent.loadCompleted && loadRows.total <= sent.load + sent.loadConnectionsAtEnd,
);
check(
  "Every streamed request metered",
  "usage rows = streams sent",
  `${streamRows.streamed200} metered / ${sent.streamOk} completed (${streamRows.total} rows / ${sent.stream} sent)`,
  streamRows.streamed200 === sent.streamOk && streamRows.total === sent.stream,
);

const ratios: Record<string, number> = {};
const put = (k: string, a?: number, b?: number) => {
  if (a !== undefined && b !== undefined) ratios[k] = a / b;
};
put("console / Portkey, requests/s at 50 conn", c.rps50?.rps, p?.rps50?.rps);
put("console / Portkey, requests/s at 200 conn", c.rps200?.rps, p?.rps200?.rps);
put("console / floor, requests/s at 50 conn", c.rps50?.rps, f.rps50?.rps);
put("console / floor, requests/s at 200 conn", c.rps200?.rps, f.rps200?.rps);
put("console / Portkey, requests per CPU-second at 50 conn", p?.rps50?.cpuUsPerRequest, c.rps50?.cpuUsPerRequest);
put("console / Portkey, requests per CPU-second at 200 conn", p?.rps200?.cpuUsPerRequest, c.rps200?.cpuUsPerRequest);
put("console / floor, requests per CPU-second at 50 conn", f.rps50?.cpuUsPerRequest, c.rps50?.cpuUsPerRequest);
put("console / floor, requests per CPU-second at 200 conn", f.rps200?.cpuUsPerRequest, c.rps200?.cpuUsPerRequest);
put("console / floor, added latency p50", c.latency?.addedP50, f.latency?.addedP50);
put("console / Portkey, added latency p50", c.latency?.addedP50, p?.latency?.addedP50);
put("console / floor, added time to first frame p50", c.ttff?.addedP50, f.ttff?.addedP50);
put("console / Portkey, added time to first frame p50", c.ttff?.addedP50, p?.ttff?.addedP50);

const notes: string[] = [];
// The best direct round: the ceiling the harness can reach when nothing else gets in the way.
const ceiling = results.direct!.rps50 ? Math.max(...results.direct!.rps50.rounds) : undefined;
if (ceiling && f.rps50 && f.rps50.rps > 0.8 * ceiling) {
  notes.push(`The floor reaches ${Math.round((100 * f.rps50.rps) / ceiling)}% of the harness ceiling (best direct round) at 50 connections: there, the load generator and upstream (one core) limit the floor, so console/floor understates the gap.`);
}
notes.push(
  `Metering, load key: rows by status ${JSON.stringify(loadRows.byStatus)}; 499 = requests the load generator abandoned in flight when a timed run ended (recorded as client_closed).`,
);
notes.push(
  `DB queries: ${queries.untilFirstRequestsServed} statements outside transactions before the warm runs (start, seed, first key and user loads); during warm runs the usage writer committed ${queries.usageWriterTransactions} batches (${queries.usageWriterStatements} statements, plus ${queries.connectionPragmas} PRAGMAs on reopened connections). Console open files ${fdStart} before / ${fdEnd} after the load runs, of which SQLite files ${consoleIdle.dbFiles} at idle / ${dbFilesEnd} after load (one connection each for the request thread and the usage writer's thread; a further pair would be a leaked connection).`,
);
const loadavgEnd = os.loadavg();
if (Math.max(loadavgStart[0]!, loadavgEnd[0]!) > 2.5) {
  notes.push(`The machine was busy with other work (1-min load average up to ${Math.max(loadavgStart[0]!, loadavgEnd[0]!).toFixed(1)} on ${os.cpus().length} cores): treat absolute figures with care; the interleaved ratios hold better.`);
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const out: Results = {
  mode: smoke ? "smoke" : "full",
  startedAt: started.toISOString(),
  durationS: (Date.now() - started.getTime()) / 1000,
  machine: { nproc: os.cpus().length, cpu, node: process.versions.node, kernel: os.release(), pinned, loadavgStart, loadavgEnd },
  config: { ...cfg, phase1: PHASE1, phase2: PHASE2, request: JSON.parse(WHOLE) as unknown, streamRequest: JSON.parse(STREAM) as unknown },
  targets: results,
  console: {
    queries,
    metering: { sent, loadKey: loadRows, streamKey: streamRows },
    idle: consoleIdle,
    afterLoad: { openFiles: fdEnd, dbFiles: dbFilesEnd, rssMb: consoleRssIdleEnd, memory: memoryAtEnd },
  },
  checks,
  ratios,
  notes,
};
const dir = path.join(root, "bench", "results");
mkdirSync(dir, { recursive: true });
const base = smoke ? "smoke" : "latest";
const md = renderMarkdown(out);
writeFileSync(path.join(dir, `${base}.json`), `${JSON.stringify(out, null, 2)}\n`);
writeFileSync(path.join(dir, `${base}.md`), md);
console.log(`\n${md}`);
console.log(`Written bench/results/${base}.json and ${base}.md`);
const failed = checks.filter((k) => !k.met);
if (smoke && failed.length) {
  console.error(`Smoke benchmark FAILED: ${failed.map((k) => k.target).join(", ")}`);
  process.exit(1);
}
process.exit(0);
