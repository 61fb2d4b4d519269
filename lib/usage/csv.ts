import "server-only";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { afterCursor, type Cursor } from "./cursor";
import { logsToCsv } from "./csv-format";
import type { LogsFilter } from "./filters";
import { keyLabels } from "./keys";
import { logOrder, logSelect, logsWhere, toLogEntry } from "./logs";

const PAGE = 1000;

/**
 * Everything the filter selects as CSV, read in keyset pages of 1000 on demand: the stream pulls a
 * page only when the client has taken the previous one, so memory stays flat for any export size.
 */
export function streamLogsCsv(userId: string, filter: LogsFilter): ReadableStream<Uint8Array> {
  const where = logsWhere(userId, filter);
  async function* pages() {
    const labels = await keyLabels(userId);
    let cursor: Cursor | undefined;
    for (;;) {
      const rows = await db.usageLog.findMany({
        where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
        orderBy: logOrder,
        take: PAGE,
        select: logSelect,
      });
      yield rows.map((r) => toLogEntry(r, labels));
      if (rows.length < PAGE) return;
      cursor = rows[rows.length - 1];
    }
  }
  return toWebStream(logsToCsv(pages()));
}

/**
 * Node's web ReadableStream (stream/web) and the DOM lib's global ReadableStream are the same
 * runtime class under two TypeScript declarations; Response accepts either.
 */
function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}
