import "server-only";
import { db, type Prisma } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";
import type { LogsFilter } from "./filters";
import { keyLabels, keyTitle, type KeyLabel } from "./keys";
import { resolveRange } from "./time";

export const logSelect = {
  id: true,
  createdAt: true,
  keyId: true,
  model: true,
  endpoint: true,
  source: true,
  status: true,
  errorCode: true,
  promptTokens: true,
  completionTokens: true,
  totalTokens: true,
  cost: true,
  quotaCost: true,
  latencyMs: true,
  ttfbMs: true,
  stream: true,
  upstreamRequestId: true,
  requestId: true,
  clientIp: true,
} as const satisfies Prisma.UsageLogSelect;

export type LogRow = Prisma.UsageLogGetPayload<{ select: typeof logSelect }>;
export type LogEntry = LogRow & { keyName: string; keyDisplay: string; keyRevoked: boolean };

export const logOrder = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.UsageLogOrderByWithRelationInput[];

/** The filter as a where clause on the (userId, createdAt) index; ownership is the first term. */
export function logsWhere(userId: string, filter: LogsFilter, now = Date.now()): Prisma.UsageLogWhereInput {
  const range = resolveRange({ ...filter, now });
  return {
    userId,
    createdAt: { gte: range.from, lt: range.to },
    ...(filter.keyId ? { keyId: filter.keyId } : {}),
    ...(filter.model ? { model: filter.model } : {}),
    ...(filter.endpoint ? { endpoint: filter.endpoint } : {}),
    ...(filter.status === "ok" ? { status: { lt: 400 } } : filter.status === "error" ? { status: { gte: 400 } } : {}),
  };
}

export function toLogEntry(row: LogRow, labels: Map<string, KeyLabel>): LogEntry {
  const label = labels.get(row.keyId);
  return { ...row, keyName: keyTitle(label, row.keyId), keyDisplay: label?.display ?? "", keyRevoked: label?.revoked ?? true };
}

/** One page of the user's requests, newest first; `nextCursor` is null on the last page. */
export async function listLogs(userId: string, filter: LogsFilter, cursor: string | undefined, limit: number) {
  const where = logsWhere(userId, filter);
  const [rows, labels] = await Promise.all([
    db.usageLog.findMany({
      where: cursor ? { AND: [where, afterCursor(decodeCursor(cursor))] } : where,
      orderBy: logOrder,
      take: limit + 1,
      select: logSelect,
    }),
    keyLabels(userId),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toLogEntry(r, labels)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** One request of the user's; another user's id is a 404, the same as an unknown one. */
export async function getLog(userId: string, id: string): Promise<LogEntry> {
  const [row, labels] = await Promise.all([db.usageLog.findFirst({ where: { id, userId }, select: logSelect }), keyLabels(userId)]);
  if (!row) throw new ApiError("not_found", "No such request in your logs.");
  return toLogEntry(row, labels);
}
