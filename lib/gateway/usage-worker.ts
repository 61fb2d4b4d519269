// The usage writer's thread: owns its own database connection and writes one batch at a time, so
// neither SQLite's synchronous driver nor the SQL for a 500-record batch runs on the thread that
// serves requests. Messages: { id, batch } in, { id, error? } out (see usage-writer.ts).
// On SQLite a write from the request thread (console pages; /v1 never writes) that meets a batch
// being committed waits on busy_timeout for that commit, a few milliseconds.
import { parentPort, workerData } from "node:worker_threads";
import { openSqlConn, type SqlConn } from "../db/connect";
import { writeBatch } from "./usage-batch";
import type { UsageRecord } from "./types";

export interface WorkerRequest {
  id: number;
  batch: UsageRecord[];
}
export interface WorkerReply {
  id: number;
  error?: string;
}

const { databaseUrl } = workerData as { databaseUrl: string };
let conn: Promise<SqlConn> | null = null;
// A failed open is reported with the batch and tried again with the next one.
const connect = () => (conn ??= openSqlConn(databaseUrl).catch((err: unknown) => {
  conn = null;
  throw err;
}));

parentPort!.on("message", async ({ id, batch }: WorkerRequest) => {
  let reply: WorkerReply = { id };
  try {
    await writeBatch(await connect(), batch);
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
