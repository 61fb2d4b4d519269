// Preload for the console process under benchmark (`--import ./bench/query-counter.ts`): counts every
// SQL statement the process sends to SQLite, at the driver (@libsql/client), without touching lib/.
// Statements inside a transaction (libsql's own, or a BEGIN ... COMMIT on one connection) are the
// batched usage writer's flushes; statements outside one are what the request path (or a cache
// refresh) costs. On SIGUSR2 the counts go to
// $BENCH_QUERY_COUNT_FILE, so the harness can diff them around a burst of warm requests.
import { writeFileSync } from "node:fs";
import { BroadcastChannel, isMainThread, threadId } from "node:worker_threads";
import { Sqlite3Client, Sqlite3Transaction } from "@libsql/client/sqlite3";

export interface QueryCounts {
  /** Statements outside any transaction, PRAGMAs excluded. */
  direct: number;
  /** PRAGMAs (the adapter re-applies its settings to each new connection). */
  pragma: number;
  /** Transactions opened, and statements run inside them (COMMIT included). */
  transactions: number;
  inTransaction: number;
  /** Direct statements by their first words, to show what ran. */
  directBySql: Record<string, number>;
  /** process.memoryUsage() at the time of the dump (bytes). */
  memory?: NodeJS.MemoryUsage;
  memoryAfterGc?: NodeJS.MemoryUsage;
}

const counts: QueryCounts = { direct: 0, pragma: 0, transactions: 0, inTransaction: 0, directBySql: {} };

// The usage writer runs on a worker thread, which loads this preload too: it reports its own counts
// to the main thread, which adds them to what it dumps.
const channel = new BroadcastChannel("bench-query-counter");
channel.unref();
const threads = new Map<number, QueryCounts>();
if (isMainThread) channel.onmessage = (e) => {
  const { thread, counts: c } = (e as { data: { thread: number; counts: QueryCounts } }).data;
  threads.set(thread, c);
};
const report = () => {
  if (!isMainThread) channel.postMessage({ thread: threadId, counts });
};
function total(): QueryCounts {
  const all = structuredClone(counts);
  for (const c of threads.values()) {
    all.direct += c.direct;
    all.pragma += c.pragma;
    all.transactions += c.transactions;
    all.inTransaction += c.inTransaction;
    for (const [k, n] of Object.entries(c.directBySql)) all.directBySql[k] = (all.directBySql[k] ?? 0) + n;
  }
  return all;
}

type Stmt = string | { sql: string };
const sqlOf = (s: Stmt) => (typeof s === "string" ? s : s.sql);

// A client running its own BEGIN ... COMMIT (a same-connection transaction) counts as in one.
const inTx = new WeakSet<object>();

function countOnClient(client: object, sql: string) {
  if (/^\s*BEGIN\b/i.test(sql)) {
    counts.transactions++;
    inTx.add(client);
  }
  if (inTx.has(client)) {
    counts.inTransaction++;
    if (/^\s*(COMMIT|END|ROLLBACK)\b/i.test(sql)) inTx.delete(client);
    return;
  }
  if (/^\s*PRAGMA/i.test(sql)) {
    counts.pragma++;
    return;
  }
  counts.direct++;
  // "SELECT ... FROM `main`.`ApiKey`" -> "SELECT ApiKey": enough to name the query, never its values.
  const verb = sql.trim().split(/\s+/, 1)[0]?.toUpperCase() ?? "?";
  const table = /(?:FROM|INTO|UPDATE)\s+[`"]?(?:main[`"]?\.)?[`"]?(\w+)/i.exec(sql)?.[1] ?? "";
  const head = `${verb} ${table}`.trim();
  counts.directBySql[head] = (counts.directBySql[head] ?? 0) + 1;
}

// The prototypes are shared by every client the adapter creates, so patching them once covers the
// connections @libsql/client opens after each transaction as well.
type Proto = Record<string, (...args: unknown[]) => unknown>;
const client = Sqlite3Client.prototype as unknown as Proto;
const tx = Sqlite3Transaction.prototype as unknown as Proto;

function wrap(proto: Proto, name: string, count: (self: object, args: unknown[]) => void) {
  const original = proto[name]!;
  proto[name] = function (this: object, ...args: unknown[]) {
    count(this, args);
    report();
    return original.apply(this, args);
  };
}

wrap(client, "execute", (self, a) => countOnClient(self, sqlOf(a[0] as Stmt)));
wrap(client, "batch", (self, a) => (a[0] as Stmt[]).forEach((s) => countOnClient(self, sqlOf(s))));
wrap(client, "executeMultiple", (self, a) => countOnClient(self, a[0] as string));
wrap(client, "transaction", () => counts.transactions++); // BEGIN runs natively, not via execute
wrap(tx, "execute", () => counts.inTransaction++);
wrap(tx, "batch", (_self, a) => (counts.inTransaction += (a[0] as unknown[]).length));
wrap(tx, "executeMultiple", () => counts.inTransaction++);
wrap(tx, "commit", () => counts.inTransaction++);

const file = process.env.BENCH_QUERY_COUNT_FILE;
if (file) {
  // The heap breakdown rides along: RSS alone cannot say whether memory is heap, code or native.
  process.on("SIGUSR2", () => {
    const memory = process.memoryUsage();
    // With --expose-gc (BENCH_CONSOLE_NODE_ARGS), also what is still reachable after a full GC.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    writeFileSync(file, JSON.stringify({ ...total(), memory, ...(gc ? { memoryAfterGc: process.memoryUsage() } : {}) }));
  });
}
