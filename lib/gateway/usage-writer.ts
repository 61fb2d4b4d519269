import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { bundleDir } from "@/lib/bundle";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Accounts } from "./accounts";
import type { UsageRecord } from "./types";
import type { WorkerReply, WorkerRequest } from "./usage-worker";

const BATCH = 500;

/**
 * Writes usage off the request path: every flush interval or 500 records, one transaction on the
 * writer's own thread (usage-worker.ts, usage-batch.ts) inserts the raw rows, bumps the hourly
 * rollups, and moves balances, key usage, subscription cycles and the ledger by exactly the logged
 * amounts. A failed flush keeps its records for the next try.
 */
export class UsageWriter {
  private queue: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;

  private readonly thread = new WriterThread();

  constructor(
    private readonly accounts: Accounts,
    private readonly intervalMs: number,
    readonly maxBuffered: number,
  ) {
    // Started now rather than on the first batch, which would otherwise wait ~100 ms for it.
    this.thread.start();
  }

  get buffered(): number {
    return this.queue.length;
  }

  get healthy(): boolean {
    return this.failures === 0;
  }

  push(record: UsageRecord): void {
    this.queue.push(record);
    if (this.queue.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.queue.length === 0) return Promise.resolve();
    this.flushing = this.accounts.lock
      .run(async () => {
        const batch = this.queue.splice(0, 5000);
        try {
          await this.thread.write(batch);
          this.accounts.applyFlushed(batch);
          this.failures = 0;
        } catch (err) {
          this.queue.unshift(...batch);
          this.failures++;
          log.error("usage flush failed; will retry", { records: batch.length, err });
        }
      })
      .finally(() => {
        this.flushing = null;
        if (this.queue.length && !this.timer) {
          // Back off while the database is failing, up to 10 s.
          const delay = this.failures ? Math.min(10_000, this.intervalMs * 2 ** this.failures) : 0;
          this.timer = setTimeout(() => {
            this.timer = null;
            void this.flush();
          }, delay);
          this.timer.unref();
        }
      });
    return this.flushing;
  }

  /** Flushes everything, retrying for up to `ms`; used by graceful shutdown. */
  async close(ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.queue.length && Date.now() < deadline) {
      await this.flush();
      if (this.queue.length && this.failures) await new Promise((r) => setTimeout(r, 250));
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length) log.error("usage records lost at shutdown", { records: this.queue.length });
    await this.thread.stop();
  }
}

// From the working directory (the project root, as for Next itself), not import.meta.url, which
// Next's bundler rewrites in its own copy of this module; turbopackIgnore keeps that bundler from
// pulling the thread's entry (and tsx with it) into the route bundles. The production bundle has
// the thread's entry compiled beside it; from source, the boot file registers tsx first.
const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  bundleDir ? path.join(bundleDir, "usage-worker.mjs") : "lib/gateway/usage-worker-boot.mjs",
);

/** The writer's thread, started with the writer and again after it dies; one batch at a time. */
class WriterThread {
  private worker: Worker | null = null;
  private waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private seq = 0;

  start(): Worker {
    return (this.worker ??= this.spawn());
  }

  write(batch: UsageRecord[]): Promise<void> {
    const worker = this.start();
    const id = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Holds the process open only while a batch is being written.
      worker.ref();
      worker.postMessage({ id, batch } satisfies WorkerRequest);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private spawn(): Worker {
    // No flags: a worker refuses V8's (--max-old-space-size and the like); its entry loads the preloads.
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, { execArgv: [], workerData: { databaseUrl: env().DATABASE_URL, preloads: preloadsOf(process.execArgv) } });
    worker.on("message", ({ id, error }: WorkerReply) => {
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      if (error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(error));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(err);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`usage writer thread exited (${code})`)));
    worker.unref();
    return worker;
  }
}

/**
 * The process's `--import` preloads. Node would run them in a worker thread too, but not with the
 * empty execArgv the thread needs, and tsx registers its loader on the main thread only: the
 * thread's entry imports these itself (after registering tsx, when running from source).
 */
function preloadsOf(argv: string[]): string[] {
  const preloads: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const spec = arg === "--import" ? argv[++i] : arg.startsWith("--import=") ? arg.slice("--import=".length) : undefined;
    if (spec === undefined || spec === "tsx") continue;
    preloads.push(spec.startsWith(".") || path.isAbsolute(spec) ? pathToFileURL(path.resolve(spec)).href : spec);
  }
  return preloads;
}
