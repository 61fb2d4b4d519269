// Usage, logs and CSV export at scale, through the same lib verbs the API routes call.
//   DATA_DIR=.test-data/usage-bench npm run seed:usage -- --rows 1000000
//   DATA_DIR=.test-data/usage-bench node --expose-gc --conditions=react-server --import tsx bench/usage-api.ts [--runs 40]
// Targets (issue 6, one million log rows): usage p95 <= 150 ms, first logs page p95 <= 100 ms, and
// the CSV export streamed without holding its rows (peak heap growth far below the export's size).
import { parseArgs } from "node:util";
import { exportEnv } from "../lib/env";

const { values } = parseArgs({ options: { runs: { type: "string", default: "40" }, tz: { type: "string", default: "America/New_York" } } });
const RUNS = Number(values.runs);
const TZ = values.tz;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

async function main() {
  exportEnv();
  const { db, prepareDatabase } = await import("../lib/db");
  const { getFilterOptions, getUsageSummary } = await import("../lib/usage/summary");
  const { getConsoleOverview } = await import("../lib/usage/console-overview");
  const { listLogs } = await import("../lib/usage/logs");
  const { streamLogsCsv } = await import("../lib/usage/csv");
  const { usageQuerySchema, logsFilterSchema } = await import("../lib/usage/filters");
  await prepareDatabase();

  const [logRows, rollupRows] = await Promise.all([db.usageLog.count(), db.usageRollup.count()]);
  const users = await db.usageRollup.groupBy({ by: ["userId"], _sum: { requests: true }, orderBy: { _sum: { requests: "desc" } } });
  const busiest = users[0];
  if (!busiest) throw new Error("no usage in this database: run `npm run seed:usage` first");
  const median = users[Math.floor(users.length / 2)]!;
  const topKey = (await db.usageRollup.groupBy({ by: ["keyId"], where: { userId: busiest.userId }, _sum: { requests: true }, orderBy: { _sum: { requests: "desc" } }, take: 1 }))[0]!;
  console.log(`Database: ${logRows.toLocaleString("en-US")} UsageLog rows, ${rollupRows.toLocaleString("en-US")} UsageRollup rows, ${users.length} users with usage.`);
  console.log(`Busiest user: ${busiest._sum.requests?.toLocaleString("en-US")} requests; median user: ${median._sum.requests?.toLocaleString("en-US")}. Time zone ${TZ}, ${RUNS} runs after 3 warm-ups.\n`);

  const rows: Array<[string, { p50: number; p95: number; max: number }, string]> = [];
  const usage = (userId: string, q: Record<string, string>) => () => getUsageSummary(userId, usageQuerySchema.parse({ tz: TZ, ...q }));
  for (const range of ["24h", "7d", "30d", "90d"]) rows.push([`usage ${range}, busiest user`, await measure(usage(busiest.userId, { range })), "150"]);
  rows.push(["usage 30d, median user", await measure(usage(median.userId, { range: "30d" })), "150"]);
  rows.push(["usage 90d, busiest user, one key", await measure(usage(busiest.userId, { range: "90d", keyId: topKey.keyId })), "150"]);
  rows.push(["usage 90d, busiest user, one model", await measure(usage(busiest.userId, { range: "90d", model: "gpt-4.1-mini" })), "150"]);
  rows.push(["filter options 90d, busiest user", await measure(() => getFilterOptions(busiest.userId, usageQuerySchema.parse({ tz: TZ, range: "90d" }))), "-"]);

  const logs = (q: Record<string, string>) => () => listLogs(busiest.userId, logsFilterSchema.parse({ tz: TZ, ...q }), undefined, 50);
  rows.push(["logs first page (50), 30d", await measure(logs({ range: "30d" })), "100"]);
  rows.push(["logs first page (50), 90d, one model", await measure(logs({ range: "90d", model: "gpt-4.1-mini" })), "100"]);
  rows.push(["logs first page (50), 90d, errors only", await measure(logs({ range: "90d", status: "error" })), "100"]);
  rows.push(["logs first page (50), 90d, one endpoint", await measure(logs({ range: "90d", endpoint: "/audio/speech" })), "100"]);
  const deep = await (async () => {
    const filter = logsFilterSchema.parse({ tz: TZ, range: "90d" });
    let page = await listLogs(busiest.userId, filter, undefined, 50);
    for (let i = 0; i < 100 && page.nextCursor; i++) page = await listLogs(busiest.userId, filter, page.nextCursor, 50);
    const cursor = page.nextCursor ?? undefined;
    return measure(() => listLogs(busiest.userId, filter, cursor, 50));
  })();
  rows.push(["logs page 102 (keyset cursor), 90d", deep, "100"]);
  rows.push(["admin overview 30d, whole console", await measure(() => getConsoleOverview(usageQuerySchema.parse({ tz: TZ, range: "30d" })), 10), "-"]);

  console.log("| Query | p50 ms | p95 ms | max ms | target p95 ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [name, m, target] of rows) console.log(`| ${name} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.max.toFixed(1)} | ${target} |`);

  // CSV: read the whole 90-day export of the busiest user and watch the heap while it streams.
  // Sampled on every chunk, not on a timer: the SQLite driver is synchronous and starves timers.
  // With --expose-gc, a collection every 100 chunks measures what the export keeps alive, not garbage.
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakLive = baseline.heapUsed;
  let peakRss = baseline.rss;
  let chunks = 0;
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  const reader = streamLogsCsv(busiest.userId, logsFilterSchema.parse({ tz: TZ, range: "90d" })).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) lines++;
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
    if (global.gc && ++chunks % 100 === 0) {
      global.gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  }
  const secs = (performance.now() - started) / 1000;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `\nCSV export, busiest user, 90d: ${(lines - 2).toLocaleString("en-US")} rows + header + totals, ${mb(bytes)} MB in ${secs.toFixed(1)} s ` +
      `(${Math.round((lines - 2) / secs).toLocaleString("en-US")} rows/s). Heap before ${mb(baseline.heapUsed)} MB; peak heap ${mb(peakHeap)} MB, garbage included; ` +
      `peak live heap after GC ${global.gc ? `${mb(peakLive)} MB` : "n/a (run with --expose-gc)"}; peak RSS ${mb(peakRss)} MB.`,
  );
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
