// Entry of the usage writer's thread: the process's preloads first (the benchmark's query counter
// counts this thread's statements too), then the worker. The production bundle runs it as compiled
// JavaScript; from source, usage-worker-boot.mjs registers tsx and imports it.
import { workerData } from "node:worker_threads";

for (const preload of (workerData as { preloads: string[] }).preloads) await import(preload);
await import("./usage-worker");
