// Entry of the usage writer's thread (see usage-writer.ts). tsx registers its loader on the main
// thread only, so the thread registers it here, then runs the process's other preloads, then the
// TypeScript worker itself.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
for (const preload of workerData.preloads) await import(preload);
await import("./usage-worker.ts");
