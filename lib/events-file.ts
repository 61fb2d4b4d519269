import { appendFileSync, closeSync, openSync, readSync, statSync, truncateSync, unwatchFile, watchFile } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { addRelay, emit, type ConsoleEvents } from "./events";
import { processSingleton } from "./shared-state";

/**
 * Same-host relay for processes sharing DATA_DIR (the server and the operator CLI, or several
 * servers on one SQLite file) when there is no Redis: events are appended to a small file that
 * every server tails. A revoke or grant made with the CLI reaches the running gateway in ~250 ms.
 */
const state = processSingleton("events-file", () => ({ started: false, origin: randomUUID() }));

export function startFileRelay(dataDir: string, opts: { listen: boolean }): void {
  if (state.started) return;
  state.started = true;
  const file = path.join(dataDir, "events.jsonl");
  appendFileSync(file, "");
  addRelay((name, payload) => {
    appendFileSync(file, `${JSON.stringify({ o: state.origin, n: name, p: payload })}\n`);
  });
  if (!opts.listen) return;
  // Old events were for processes long gone: start from a clean file when it has grown.
  if (statSync(file).size > 1_000_000) truncateSync(file, 0);
  let offset = statSync(file).size;
  watchFile(file, { interval: 250 }, (cur) => {
    if (cur.size < offset) offset = 0;
    if (cur.size === offset) return;
    const fd = openSync(file, "r");
    const buf = Buffer.alloc(cur.size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    closeSync(fd);
    offset = cur.size;
    for (const line of buf.toString("utf8").split("\n")) {
      if (!line) continue;
      try {
        const { o, n, p } = JSON.parse(line) as { o: string; n: keyof ConsoleEvents; p: ConsoleEvents[keyof ConsoleEvents] };
        if (o !== state.origin) emit(n, p as never, { relay: false });
      } catch {
        // a partial line from a concurrent append: the rest arrives with the next change
      }
    }
  });
}

export function stopFileRelay(dataDir: string): void {
  unwatchFile(path.join(dataDir, "events.jsonl"));
}
